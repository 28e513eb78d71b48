/**
 * The rule grader's version, stored with every grade. Bump the minor version when a rule changes
 * what it decides for some response, the major version when rules are added or removed, and the
 * patch version for changes that never change a grade (speed, wording of rationales).
 */
export const GRADER_VERSION = '1.0.0';
