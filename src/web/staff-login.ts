import { ApiError, messageOf, requestJson } from './api.ts'
import type { StaffMember } from './api-types.ts'
import { byId } from './dom.ts'

/**
 * The sign-in form. The server answers with an httpOnly cookie that the browser sends from every
 * tab, so nothing is kept here: a new tab asks /api/staff/me who is signed in.
 */
const section = byId('signin')
const form = byId<HTMLFormElement>('signin-form')
const username = byId<HTMLInputElement>('staff-username')
const password = byId<HTMLInputElement>('staff-password')
const error = byId('signin-error')
const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')

/** Who is signed in in this browser, or null when no one is (a 401). */
export async function currentSignIn(): Promise<StaffMember | null> {
  try {
    return await requestJson<StaffMember>('/api/staff/me')
  } catch (failure) {
    if (failure instanceof ApiError && failure.status === 401) return null
    throw failure
  }
}

export function showSignin(message?: string): void {
  section.hidden = false
  error.hidden = !message
  error.textContent = message ?? ''
  password.value = ''
  ;(username.value ? password : username).focus()
}

export const hideSignin = (): void => {
  section.hidden = true
}

/** Calls `onSignedIn` with the profile (and its CSRF token) after a successful sign-in. */
export function bindSigninForm(onSignedIn: (me: StaffMember) => void): void {
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    if (!username.value.trim() || !password.value) {
      showSignin('请输入用户名和密码。')
      return
    }
    if (submit) submit.disabled = true
    requestJson<StaffMember>('/api/staff/login', {
      method: 'POST',
      json: { username: username.value.trim(), password: password.value },
    })
      .then((me) => {
        password.value = ''
        onSignedIn(me)
      })
      .catch((failure: unknown) => showSignin(messageOf(failure)))
      .finally(() => {
        if (submit) submit.disabled = false
      })
  })
}
