import { useId, useState, type FormEvent } from 'react';
import type { SessionState } from '../session/sessionStore.js';

/** The admin token form: the server checks the token before the cockpit keeps it. */
export function SignIn({ session, onSignIn }: { session: SessionState; onSignIn: (token: string, author: string) => void }) {
  const [token, setToken] = useState('');
  const [author, setAuthor] = useState(session.author);
  const tokenId = useId();
  const authorId = useId();
  const noticeId = useId();
  const checking = session.status === 'checking';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) onSignIn(token.trim(), author.trim());
  };
  return (
    <main className="signin" id="main">
      <form className="signin__form" onSubmit={submit} aria-describedby={session.notice ? noticeId : undefined}>
        <h1>UpgradeKit cockpit</h1>
        <p className="note">Sign in with the admin token the server was started with.</p>
        {session.notice && (
          <p className="state state--error" role="alert" id={noticeId}>
            {session.notice}
          </p>
        )}
        <label htmlFor={tokenId}>Admin token</label>
        <input id={tokenId} type="password" value={token} onChange={(event) => setToken(event.target.value)} autoComplete="current-password" required />
        <label htmlFor={authorId}>Your name (shown in the config history)</label>
        <input id={authorId} value={author} onChange={(event) => setAuthor(event.target.value)} autoComplete="name" />
        <button type="submit" className="button button--primary" disabled={checking}>
          {checking ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
