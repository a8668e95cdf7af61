// The browser code in src/web is type-checked by the same `tsc --noEmit` as the server, whose
// tsconfig lists only ES libraries; these bring in the DOM types for it.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
