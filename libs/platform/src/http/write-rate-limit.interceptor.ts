import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { Caller } from '../auth/roles.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TokenBuckets } from './token-bucket.js';

/** The caller sent more commands than LTC_RATE_LIMIT allows. Mapped to 429 with `Retry-After`. */
export class RateLimitedError extends Error {
  readonly code = 'RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many commands from this caller; retry in ${retryAfterSeconds} s`);
    this.name = 'RateLimitedError';
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * LTC_RATE_LIMIT on the write routes, per caller (tenant and user of the verified token, so
 * minting a second token buys no extra budget and a forged one is refused before it costs
 * anyone's). It runs after the auth guard, which is why it is an interceptor and not a
 * Fastify hook: the hooks run before Nest knows who is calling. Reads are not limited.
 */
@Injectable()
export class WriteRateLimitInterceptor implements NestInterceptor {
  private readonly buckets: TokenBuckets | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.buckets = config.writeRateLimit ? new TokenBuckets(config.writeRateLimit) : undefined;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<{ method?: string; caller?: Caller }>();
    const caller = request.caller;
    if (this.buckets && caller && WRITE_METHODS.has(request.method ?? '')) {
      const retryAfter = this.buckets.take(`${caller.tenantId}\u0000${caller.userId}`);
      if (retryAfter !== undefined) throw new RateLimitedError(retryAfter);
    }
    return next.handle();
  }
}
