import { faultPoint } from '#ltc/kernel';

// Passes the named point three times, saying so after each pass that it survives.
for (let pass = 1; pass <= 3; pass++) {
  faultPoint('event-store.mid-group-commit');
  process.stdout.write(`survived ${pass}\n`);
}
