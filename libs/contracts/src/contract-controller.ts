import { Controller, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiCommandHeaders } from '#ltc/platform';
import { ApiContractNotFound } from './contract-dto.js';

/**
 * A controller of commands on one contract, `/contracts/{id}/…`: bearer auth, the two command
 * headers, and the 404 of a contract the caller does not see.
 */
export const ContractCommandController = (): ClassDecorator =>
  applyDecorators(
    ApiTags('contracts'),
    ApiBearerAuth(),
    ApiCommandHeaders(),
    ApiContractNotFound(),
    Controller('contracts/:id'),
  );
