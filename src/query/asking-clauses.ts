// A clause that asks something: a question word or a yes/no ending. "碰到用作弊秤的商家，…" only sets the scene.
export const ASKING_CLAUSE = /什么|啥|哪|多少|几|怎么|怎样|如何|多久|多长|吗|是否|谁|何时/

/** The clauses of a folded question that ask, in order; `asking` says what marks one. */
export const askingClausesOf = (folded: string, asking: RegExp = ASKING_CLAUSE): string[] =>
  folded
    .split(/[，,；;？?。]/)
    .map((clause) => clause.trim())
    .filter((clause) => asking.test(clause))
