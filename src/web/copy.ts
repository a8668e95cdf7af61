import { el } from './dom.ts'

/** Copies text; the Clipboard API needs a secure context, so an older path is kept for plain http. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // permission refused: try the old way
  }
  const area = el('textarea', { readonly: true, class: 'offscreen', 'aria-hidden': 'true' })
  area.value = text
  document.body.appendChild(area)
  area.select()
  let copied = false
  try {
    copied = document.execCommand('copy')
  } catch {
    copied = false
  }
  area.remove()
  return copied
}

/** A button that copies `text` and says so, on the button and to screen readers. */
export function copyControl(text: string, label: string): HTMLSpanElement {
  const status = el('span', { class: 'visually-hidden', role: 'status' })
  const button = el('button', { type: 'button', class: 'button button--small' }, label)
  button.addEventListener('click', async () => {
    const copied = await copyText(text)
    button.textContent = copied ? '已复制' : '复制失败，请手动选择'
    status.textContent = copied ? `已复制：${text}` : ''
    window.setTimeout(() => {
      button.textContent = label
      status.textContent = ''
    }, 2000)
  })
  return el('span', { class: 'copy' }, button, status)
}
