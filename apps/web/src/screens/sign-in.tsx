import { useState, type FormEvent } from 'react';
import type { ApiProblem } from '../api/problem';
import { ProblemMessage } from '../ui/feedback';
import { normaliseToken } from '../session';

export function SignIn({
  onSignIn,
  problem,
  hadToken,
}: {
  readonly onSignIn: (token: string) => void;
  readonly problem: ApiProblem | undefined;
  readonly hadToken: boolean;
}) {
  const [pasted, setPasted] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const token = normaliseToken(pasted);
    setInvalid(token === undefined);
    if (token !== undefined) onSignIn(token);
  };
  return (
    <main className="sign-in">
      <h1>Sign in to LTC Engine</h1>
      {problem && <ProblemMessage problem={problem} />}
      {!problem && hadToken && <p role="alert">Your token has expired or cannot be read: paste a new one.</p>}
      <p>
        Follow the sign-in link the server printed on its first start, or paste a token (
        <code>npm run ltc -- token</code> mints one).
      </p>
      <form onSubmit={submit}>
        <label htmlFor="token">Token</label>
        <textarea
          id="token"
          rows={4}
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'token-invalid' : undefined}
        />
        {invalid && (
          <p id="token-invalid" className="problem">
            That is not a token: it should look like xxxxx.yyyyy.zzzzz.
          </p>
        )}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
