import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../src/config.ts'

describe('loadConfig', () => {
  it('runs embedded and offline with no configuration', () => {
    const config = loadConfig({})
    expect(config.DATA_DIR).toBe('./data')
    expect(config.DATABASE_URL).toBeUndefined()
    expect(config.EMBEDDING_PROVIDER).toBe('local')
    expect(config.LLM_MODEL).toBeUndefined()
  })

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', LLM_MODEL: ' ' }).DATABASE_URL).toBeUndefined()
  })

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError)
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/)
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/)
  })

  it('asks for a model and endpoint when OpenAI-compatible embeddings are chosen', () => {
    expect(() => loadConfig({ EMBEDDING_PROVIDER: 'openai' })).toThrow(/EMBEDDING_MODEL/)
  })
})
