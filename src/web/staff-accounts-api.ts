import type { StaffAccount } from '../staff/accounts-repo.ts'
import type { StaffAuditEntry } from '../staff/audit-repo.ts'
import type { StaffToken } from '../staff/tokens.ts'
import type { StaffRole } from '../tickets/model.ts'
import type { RetentionOutcome } from '../tickets/retention.ts'

/** Dates arrive as ISO strings. */
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] }

export type AccountRow = Json<StaffAccount>
export type TokenRow = Json<StaffToken>
export type AuditRow = Json<StaffAuditEntry>

type Call = <T>(path: string, init?: RequestInit & { json?: unknown }) => Promise<T>

/** Account administration under /api/staff (admins only); `call` is the signed-in staff API's. */
export function createAccountsApi(call: Call) {
  const post = <T>(path: string, json?: unknown) => call<T>(path, { method: 'POST', ...(json ? { json } : {}) })
  return {
    list: () => call<{ accounts: AccountRow[] }>('/accounts'),
    create: (account: { username: string; name: string; role: StaffRole; password: string }) =>
      post<AccountRow>('/accounts', account),
    setRole: (id: number, role: StaffRole) => post<AccountRow>(`/accounts/${id}/role`, { role }),
    resetPassword: (id: number, password: string) => post<AccountRow>(`/accounts/${id}/password`, { password }),
    setDisabled: (id: number, disabled: boolean) =>
      post<AccountRow>(`/accounts/${id}/${disabled ? 'disable' : 'enable'}`),
    tokens: () => call<{ tokens: TokenRow[] }>('/tokens'),
    issueToken: (staffId: number, label: string) => post<TokenRow & { secret: string }>('/tokens', { staffId, label }),
    revokeToken: (id: number) => post<TokenRow>(`/tokens/${id}/revoke`),
    audit: () => call<{ entries: AuditRow[] }>('/audit?limit=50'),
    retention: (days: number) => post<RetentionOutcome & { summary: string[] }>('/retention', { days }),
  }
}
