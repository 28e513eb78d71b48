// jstat ships no types; only the functions reliabench uses are declared.
declare module 'jstat' {
  export const jStat: {
    beta: { inv(p: number, a: number, b: number): number; cdf(x: number, a: number, b: number): number };
    normal: { inv(p: number, mean: number, std: number): number };
    studentt: { inv(p: number, dof: number): number };
  };
}
