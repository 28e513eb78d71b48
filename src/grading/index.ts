/** The grading library: `grade` (rule grader), `gradeAvoidance` (no gold), the version and the types. */
export { grade } from './grade.js';
export { gradeAvoidance } from './grade-avoidance.js';
export { GRADER_VERSION } from './version.js';
export { RULES, type RuleId, type RuleInfo } from './rules/rule-table.js';
export {
  AVOIDANCE_TYPES,
  type AvoidanceGrade,
  type AvoidanceInput,
  type AvoidanceOutcome,
  type AvoidanceType,
  type Grade,
  type GradeInput,
  type Outcome,
} from './grade-types.js';
