import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/**
 * Request bodies and queries are validated against their DTO: unknown fields are
 * refused, not silently dropped, and every failure names the field and the rule.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const flat = errors.flatMap((e) => flatten(e, ''));
      return new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: flat.map((e) => e.message).join('; '),
        errors: flat,
      });
    },
  });
}

function flatten(error: ValidationError, prefix: string): { field: string; rule: string; message: string }[] {
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
    field,
    rule: rule === 'whitelistValidation' ? 'unknownField' : rule,
    message: rule === 'whitelistValidation' ? `${field} is not a known field` : message,
  }));
  return [...own, ...(error.children ?? []).flatMap((child) => flatten(child, field))];
}
