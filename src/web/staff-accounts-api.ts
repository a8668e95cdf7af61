import type { StaffRole } from '../tickets/model.ts'
import type { AccountRow, AuditRow, IssuedToken, NewAccountBody, RetentionResult, TokenRow } from './api-types.ts'

type Call = <T>(path: string, init?: RequestInit & { json?: unknown }) => Promise<T>

/** Account administration under /api/staff (admins only); `call` is the signed-in staff API's. */
export function createAccountsApi(call: Call) {
  const post = <T>(path: string, json?: unknown) => call<T>(path, { method: 'POST', ...(json ? { json } : {}) })
  return {
    list: () => call<{ accounts: AccountRow[] }>('/accounts'),
    create: (account: NewAccountBody) => post<AccountRow>('/accounts', account),
    setRole: (id: number, role: StaffRole) => post<AccountRow>(`/accounts/${id}/role`, { role }),
    resetPassword: (id: number, password: string) => post<AccountRow>(`/accounts/${id}/password`, { password }),
    setDisabled: (id: number, disabled: boolean) =>
      post<AccountRow>(`/accounts/${id}/${disabled ? 'disable' : 'enable'}`),
    tokens: () => call<{ tokens: TokenRow[] }>('/tokens'),
    issueToken: (staffId: number, label: string) => post<IssuedToken>('/tokens', { staffId, label }),
    revokeToken: (id: number) => post<TokenRow>(`/tokens/${id}/revoke`),
    audit: () => call<{ entries: AuditRow[] }>('/audit?limit=50'),
    retention: (days: number) => post<RetentionResult>('/retention', { days }),
  }
}
