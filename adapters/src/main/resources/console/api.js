// The operator API, with the token of this browser tab. The token lives in sessionStorage only (gone when the
// tab closes), goes out as a bearer token, and never into a URL.

const TOKEN = 'operator-token';

export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  signIn: token => sessionStorage.setItem(TOKEN, token),
  signOut: () => sessionStorage.removeItem(TOKEN),
};

/** An answer other than 2xx, in the contract's {"error", "message"}. */
export class ApiError extends Error {
  constructor(status, error, message) {
    super(message);
    this.status = status;
    this.error = error;
  }
}

/** Calls the operator API; resolves to the JSON answer (null for 204), rejects with an ApiError. */
export async function call(method, path, body, token = session.token()) {
  const headers = {Accept: 'application/json'};
  try {
    headers.Authorization = `Bearer ${token ?? ''}`;
    new Headers(headers);
  } catch {
    // A token with characters no header may carry cannot be the operator token.
    throw new ApiError(401, 'Unauthorized', 'Invalid admin token');
  }
  const init = {method, headers, cache: 'no-store', credentials: 'omit', redirect: 'error'};
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, json?.error ?? response.statusText,
        json?.message ?? `The service answered ${response.status}`);
  }
  return json;
}

export const api = {
  plans: () => call('GET', '/admin/plans'),
  sellers: params => call('GET', `/admin/sellers?${new URLSearchParams(params)}`),
  seller: id => call('GET', `/admin/sellers/${encodeURIComponent(id)}`),
  registerSeller: (name, plan) => call('POST', '/admin/sellers', {name, plan}),
  changePlan: (id, plan) => call('PATCH', `/admin/sellers/${encodeURIComponent(id)}`, {plan}),
  keys: id => call('GET', `/admin/sellers/${encodeURIComponent(id)}/api-keys`),
  issueKey: (id, key) => call('POST', `/admin/sellers/${encodeURIComponent(id)}/api-keys`, key),
  revokeKey: keyId => call('POST', `/admin/api-keys/${encodeURIComponent(keyId)}/revoke`),
  deleteKey: keyId => call('DELETE', `/admin/api-keys/${encodeURIComponent(keyId)}`),
  activity: (id, params) =>
    call('GET', `/admin/sellers/${encodeURIComponent(id)}/activity?${new URLSearchParams(params)}`),
  projections: () => call('GET', '/admin/projections'),
  replay: name => call('POST', `/admin/projections/${encodeURIComponent(name)}/replay`),
  verify: name => call('POST', `/admin/projections/${encodeURIComponent(name)}/verify`),
};
