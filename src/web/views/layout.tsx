/** @jsxRuntime automatic @jsxImportSource hono/jsx */
import type { Child } from 'hono/jsx';

/**
 * The page shell. Every text value goes through JSX, which escapes it; no view uses raw HTML.
 * Pages load only /assets/ files (the CSP forbids inline script and style).
 */
export interface PageProps {
  title: string;
  /** Admin pages get the organiser's navigation and a logout form carrying the CSRF token. */
  admin?: { csrf: string | undefined };
  participant?: boolean;
  scripts?: readonly string[];
  narrow?: boolean;
  children?: Child;
}

export function Page(props: PageProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{props.title}</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body class={props.participant ? 'participant' : 'viewer'}>
        {props.admin ? <AdminHeader csrf={props.admin.csrf} /> : null}
        <main id="main" class={props.narrow ? 'narrow' : ''}>{props.children}</main>
        {(props.scripts ?? []).map((s) => <script src={`/assets/${s}`} defer></script>)}
      </body>
    </html>
  );
}

function AdminHeader(props: { csrf: string | undefined }) {
  return (
    <header class="top">
      <a class="brand" href="/">reliabench</a>
      <nav aria-label="main">
        <a href="/">Runs</a>
        <a href="/studies">Studies</a>
      </nav>
      {props.csrf ? (
        <form method="post" action="/logout">
          <CsrfField csrf={props.csrf} />
          <button class="secondary" type="submit">Log out</button>
        </form>
      ) : null}
    </header>
  );
}

export function CsrfField(props: { csrf: string | undefined }) {
  return props.csrf ? <input type="hidden" name="_csrf" value={props.csrf} /> : null;
}

/** The full document: doctype plus the rendered page. */
export function document(page: unknown): string {
  return `<!DOCTYPE html>${String(page)}`;
}

export function OutcomeBadge(props: { outcome: string; avoidance?: string | null }) {
  return <span class={`badge ${props.outcome}`}>{props.outcome}{props.avoidance ? ` · ${props.avoidance}` : ''}</span>;
}

export function MessagePage(props: { title: string; message: string; admin?: { csrf: string | undefined }; participant?: boolean; link?: { href: string; text: string } }) {
  return (
    <Page title={props.title} admin={props.admin} participant={props.participant} narrow>
      <h1>{props.title}</h1>
      <p>{props.message}</p>
      {props.link ? <p><a href={props.link.href}>{props.link.text}</a></p> : null}
    </Page>
  );
}
