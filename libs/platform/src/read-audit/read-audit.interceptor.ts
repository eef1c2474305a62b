import {
  Inject,
  Injectable,
  StreamableFile,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { mergeMap, type Observable } from 'rxjs';
import { requestContextOf } from '../http/request-context.js';
import { AUDITED_READ, type AuditedReadSpec } from './audited-read.decorator.js';
import { ReadAudit } from './read-audit.js';

interface AuditedRequest {
  id?: string;
  method?: string;
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string | undefined>;
  query?: Record<string, unknown>;
  routeOptions?: { url?: string };
}

/** Query values kept per read: enough to see the selection, not an unbounded copy of the URL. */
const MAX_FILTERS = 20;
const MAX_FILTER_LENGTH = 200;

/** Records the reads of routes marked `@AuditedRead`, once the handler has produced its answer. */
@Injectable()
export class ReadAuditInterceptor implements NestInterceptor {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ReadAudit) private readonly audit: ReadAudit,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get<AuditedReadSpec | undefined>(AUDITED_READ, context.getHandler());
    if (!spec) return next.handle();
    const request = context.switchToHttp().getRequest<AuditedRequest>();
    // Recorded before the answer leaves: a read the log cannot hold is not given.
    return next.handle().pipe(
      mergeMap(async (answer: unknown) => {
        const ctx = requestContextOf(request);
        await this.audit.record({
          tenantId: ctx.tenantId,
          actor: ctx.actor,
          correlationId: ctx.correlationId,
          kind: spec.kind,
          target: spec.target === undefined ? null : (request.params?.[spec.target] ?? null),
          filters: filtersOf(request.query, spec.withheld ?? []),
          format: formatOf(answer),
          route: `${request.method ?? 'GET'} ${request.routeOptions?.url ?? ''}`,
        });
        return answer;
      }),
    );
  }
}

/** What the read log keeps of a personal query value. */
const WITHHELD = '[withheld]';

function filtersOf(query: Record<string, unknown> | undefined, withheld: readonly string[]): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [name, value] of Object.entries(query ?? {}).slice(0, MAX_FILTERS)) {
    const text = withheld.includes(name) ? WITHHELD : Array.isArray(value) ? value.join(',') : String(value);
    filters[name] = text.slice(0, MAX_FILTER_LENGTH);
  }
  return filters;
}

function formatOf(answer: unknown): string {
  if (!(answer instanceof StreamableFile)) return 'application/json';
  return answer.getHeaders().type?.split(';')[0]?.trim() ?? 'application/octet-stream';
}
