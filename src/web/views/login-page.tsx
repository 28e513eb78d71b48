/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import { Page } from './layout.js';

/** The organiser's login: the admin token `reliabench serve` printed. */
export function LoginPage(props: { next: string; failed?: boolean }) {
  return (
    <Page title="Log in · reliabench" scripts={['login.js']} narrow>
      <h1>reliabench organiser login</h1>
      <p>Enter the admin token that <code>reliabench serve</code> printed when it started.</p>
      {props.failed ? <p class="notice warn" role="alert">That token is not right.</p> : null}
      <form id="login" class="stack" method="post" action="/login">
        <input type="hidden" name="next" value={props.next} />
        <label>admin token<input type="password" name="token" required autocomplete="current-password" maxlength={200} /></label>
        <div><button type="submit">Log in</button></div>
      </form>
    </Page>
  );
}
