import { faultPoint } from '#ltc/kernel';

// Passes the named point three times in scope "a" and three times in "b", saying so after each pass it survives.
for (const scope of ['a', 'b']) {
  for (let pass = 1; pass <= 3; pass++) {
    faultPoint('event-store.mid-group-commit', scope);
    process.stdout.write(`survived ${scope}${pass}\n`);
  }
}
