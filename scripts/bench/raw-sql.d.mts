// Types for the SQL that test/api/data/bench-sql.test.ts compares with the app's.
export declare const KEY_SQL: string;
export declare const RANKING_SQL: string;
export declare const EVALUATION_SQL: {
  evaluation: string;
  inputs: string;
  appeals: string;
};
export declare const INPUT_COLUMNS: string[];
