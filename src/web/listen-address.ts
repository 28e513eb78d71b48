/** Where `reliabench serve` listens unless told otherwise: this machine only. Kept free of hono so the CLI can name them without loading the web app. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8377;

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1';
}
