/** What the process holds, in bytes: resident set and the V8 heap. */
export type MemorySample = { rss: number; heapUsed: number; heapTotal: number; external: number }

export const sampleMemory = (): MemorySample => {
  const { rss, heapUsed, heapTotal, external } = process.memoryUsage()
  return { rss, heapUsed, heapTotal, external }
}

/** The largest resident set this process has had since it started (getrusage maxrss). */
export const peakRssBytes = (): number => process.resourceUsage().maxRSS * 1024
