/** What other modules (evaluations, reports) use of the organisation. */
export { publicDepartment } from './departments';
export { publicEmployee } from './employees';
export { publicPosition } from './positions';
export { assertEmployeeVisible, type EmployeeRow, employeeForUser, findEmployee } from './records';
