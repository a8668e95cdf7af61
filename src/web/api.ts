/** JSON requests to this server; a failed one throws ApiError with the server's own message. */

export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message)
  }
}

const OFFLINE = '无法连接服务器，请检查网络后重试。'

/** The server's `{ error, message }`, or a sentence that says what went wrong. */
export async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: string; message?: string }
    if (body.message) return new ApiError(body.message, response.status, body.error)
  } catch {
    // not JSON: a proxy's error page, say; fall through to a message of our own
  }
  const message =
    response.status >= 500 ? `服务暂时不可用（${response.status}），请稍后再试。` : `请求失败（${response.status}）。`
  return new ApiError(message, response.status)
}

async function send(url: string, init: RequestInit & { json?: unknown }): Promise<Response> {
  const { json, headers, ...rest } = init
  let response: Response
  try {
    response = await fetch(url, {
      ...rest,
      headers: {
        accept: 'application/json',
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    })
  } catch {
    throw new ApiError(OFFLINE, 0)
  }
  if (!response.ok) throw await errorFrom(response)
  return response
}

export async function requestJson<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  return (await (await send(url, init)).json()) as T
}

/** A request whose success is a 204 without a body, which `response.json()` would fail on. */
export async function requestNoContent(url: string, init: RequestInit & { json?: unknown } = {}): Promise<void> {
  await send(url, init)
}

export const offlineError = () => new ApiError(OFFLINE, 0)

/** A message fit to show for any thrown value. */
export const messageOf = (error: unknown): string =>
  error instanceof ApiError ? error.message : '出错了，请刷新页面后重试。'
