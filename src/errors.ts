/** Errors the domain throws; src/http/error-handler.ts turns them into responses. */
export class AppError extends Error {
  status = 500
  code = 'internal_error'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

export class InvalidInputError extends AppError {
  override name = 'InvalidInputError'
  override status = 400
  override code = 'invalid_input'
}

export class NotFoundError extends AppError {
  override name = 'NotFoundError'
  override status = 404
  override code = 'not_found'
}

export class ConflictError extends AppError {
  override name = 'ConflictError'
  override status = 409
  override code = 'conflict'
}

export class UnauthorizedError extends AppError {
  override name = 'UnauthorizedError'
  override status = 401
  override code = 'unauthorized'
}

export class ForbiddenError extends AppError {
  override name = 'ForbiddenError'
  override status = 403
  override code = 'forbidden'
}

export class UnavailableError extends AppError {
  override name = 'UnavailableError'
  override status = 503
  override code = 'unavailable'
}

/** The client closed the connection before its answer was ready: the work is stopped, nobody reads a reply. */
export class ClientGoneError extends AppError {
  override name = 'ClientGoneError'
  override status = 499
  override code = 'client_gone'
}

export class PayloadTooLargeError extends AppError {
  override name = 'PayloadTooLargeError'
  override status = 413
  override code = 'payload_too_large'
}

export class UnsupportedMediaTypeError extends AppError {
  override name = 'UnsupportedMediaTypeError'
  override status = 415
  override code = 'unsupported_media_type'
}

/** Well-formed input whose content cannot be used, e.g. a broken or empty document. */
export class UnprocessableError extends AppError {
  override name = 'UnprocessableError'
  override status = 422
  override code = 'unprocessable'
}
