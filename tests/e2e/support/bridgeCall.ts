/**
 * Calls the contract over the browser shell's bridge the way the renderer does, with the token
 * from the ready line: for e2e set-up and checks that need no UI.
 */
export async function bridgeCall<T>(shellUrl: string, name: string, input: unknown): Promise<T> {
  const parsed = new URL(shellUrl);
  const response = await fetch(`${parsed.origin}/api/call/${name}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${parsed.searchParams.get('token') ?? ''}`,
    },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(result.error?.message ?? name);
  return result.value;
}
