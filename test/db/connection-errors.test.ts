import { describe, expect, it } from 'vitest'
import { ConnectionLostError, describeConnectionError, isConnectionError } from '../../src/db/index.ts'
import { NotFoundError } from '../../src/errors.ts'

const coded = (code: string, message = 'x') => Object.assign(new Error(message), { code })

describe('isConnectionError', () => {
  it.each([
    ['a refused connect', coded('ECONNREFUSED')],
    ['a reset socket', coded('ECONNRESET')],
    ['a connect timeout', coded('ETIMEDOUT')],
    ['admin_shutdown (pg_terminate_backend)', coded('57P01')],
    ['cannot_connect_now (starting up)', coded('57P03')],
    ['too_many_connections', coded('53300')],
    ['connection_failure', coded('08006')],
    ['a connection lost mid-query', new ConnectionLostError('Connection terminated unexpectedly')],
    ['a dual-stack refusal', Object.assign(new AggregateError([coded('ECONNREFUSED')], ''), {})],
    ['one wrapped as a cause', new Error('ticket not saved', { cause: coded('ECONNREFUSED') })],
  ])('recognises %s', (_name, error) => {
    expect(isConnectionError(error)).toBe(true)
  })

  it.each([
    ['a unique violation', coded('23505')],
    ['a missing table', coded('42P01')],
    ['a wrong password', coded('28P01')],
    ['a message that merely mentions it', new Error('connect ECONNREFUSED 127.0.0.1:5432')],
    ['a domain error', new NotFoundError('没有找到')],
    ['nothing', null],
  ])('leaves alone %s', (_name, error) => {
    expect(isConnectionError(error)).toBe(false)
  })

  it('describes the error by code and message, or by its parts when it has no message', () => {
    expect(describeConnectionError(coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5'))).toBe(
      'connect ECONNREFUSED 127.0.0.1:5',
    )
    expect(describeConnectionError(coded('57P01', 'terminating connection'))).toBe('57P01 terminating connection')
    const both = Object.assign(
      new AggregateError([new Error('connect ECONNREFUSED ::1:5'), new Error('connect ECONNREFUSED 127.0.0.1:5')], ''),
      { code: 'ECONNREFUSED' },
    )
    expect(describeConnectionError(both)).toBe('connect ECONNREFUSED ::1:5; connect ECONNREFUSED 127.0.0.1:5')
  })
})
