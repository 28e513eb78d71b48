// jstat is CommonJS and ships no types; its default export is the jStat object. Only the functions
// reliabench uses are declared: `import jStat from 'jstat'`.
declare module 'jstat' {
  const jStat: {
    beta: { inv(p: number, a: number, b: number): number; cdf(x: number, a: number, b: number): number };
    normal: { inv(p: number, mean: number, std: number): number };
  };
  export default jStat;
}
