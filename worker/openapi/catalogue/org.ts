import { op } from './entry';

/** Departments, positions and employees. */
export const orgOperations = {
  listDepartments: op(
    '列出部门',
    'List departments (部门), by name',
    '按名称排序分页。',
    'Paged, ordered by name.',
  ),
  createDepartment: op(
    '新建部门',
    'Create a department; the name is unique in the company',
    '同名部门已存在时回答 409 并指出 name 字段。',
    'A department with the same name answers 409 naming the name field.',
  ),
  getDepartment: op(
    '查看一个部门',
    'One department',
    '其他企业的部门回答 404。',
    "Another company's department answers 404.",
  ),
  updateDepartment: op(
    '修改部门名称或项目',
    'Rename a department or change its project site',
    '只修改给出的字段，修改记入审计日志。',
    'Changes only the fields given; the change is audited.',
  ),
  deleteDepartment: op(
    '删除未使用的部门',
    'Delete an unused department',
    '仍有员工、考核或方案分配引用时回答 409，并给出各自的数量。',
    'While employees, evaluations or scheme assignments refer to it, 409 with the count of each.',
  ),
  setDepartmentSupervisors: op(
    '设置部门的主管',
    'Replace the supervisors scoped to a department',
    '整体替换；只能指定角色为主管的用户。主管只能看到并评分自己部门的员工。',
    'Replaces the whole list; only users with the supervisor role. A supervisor sees and rates only the employees of their departments.',
  ),
  listPositions: op(
    '列出岗位及其薪资',
    'List positions (岗位) with their pay, by name',
    '金额以分为单位（整数）。',
    'Amounts are integer fen.',
  ),
  createPosition: op(
    '新建岗位',
    'Create a position with base salary and performance-bonus base in fen',
    '基本工资和绩效奖金基数以分为单位；名称在企业内唯一。',
    'Base salary and bonus base in fen; the name is unique in the company.',
  ),
  getPosition: op(
    '查看一个岗位',
    'One position',
    '其他企业的岗位回答 404。',
    "Another company's position answers 404.",
  ),
  updatePosition: op(
    '修改岗位名称或薪资',
    'Rename a position or change its pay',
    '开放周期中尚未审批的考核按新薪资重新计算；已审批、已锁定和已关闭的保持原值。',
    'Unsettled evaluations of open periods are re-priced; approved, locked and closed ones keep theirs.',
  ),
  deletePosition: op(
    '删除未使用的岗位',
    'Delete an unused position',
    '仍有员工、考核或方案分配引用时回答 409。',
    'While employees, evaluations or scheme assignments refer to it, 409.',
  ),
  listEmployees: op(
    '按工号列出员工',
    'List employees by 工号',
    '主管只能看到自己部门的员工。',
    'A supervisor sees only the employees of their departments.',
  ),
  createEmployee: op(
    '新建员工',
    'Create an employee; the 工号 is unique in the company',
    '工号重复时回答 409 并指出 employeeNo。',
    'A 工号 in use answers 409 naming employeeNo.',
  ),
  myEmployee: op(
    '我的员工档案',
    "The caller's own employee record",
    '登录账号未关联员工时回答 404。',
    'Answers 404 when the login is linked to no employee.',
  ),
  getEmployee: op(
    '查看一名员工',
    'One employee',
    '主管只能查看自己部门的员工，员工只能查看自己，否则回答 404。',
    'Supervisors: only of their departments; employees: only themselves (404 otherwise).',
  ),
  updateEmployee: op(
    '修改员工',
    'Change an employee',
    'null 清除 supervisorUserId 或 userId；调动部门或岗位时，开放周期中的考核随之变动。',
    'null clears supervisorUserId or userId; a move of department or position takes the open evaluations along.',
  ),
  deactivateEmployee: op(
    '停用员工',
    'Deactivate an employee',
    '员工从不删除，因为考核引用他们；停用后不再加入新的考核周期。',
    'Employees are never deleted, because evaluations refer to them; an inactive employee joins no new period.',
  ),
  importEmployees: op(
    '从 CSV 导入员工（按工号新增或更新）',
    'Import employees from CSV (upsert by 工号)',
    '请求体就是文件本身（Content-Type: text/csv），UTF-8 或 GBK/GB18030。试运行只报告；正式运行要么全部写入，要么什么都不写，每处错误指出行和列。每次最多 5,000 行。',
    'The body is the file itself (Content-Type: text/csv), UTF-8 or GBK/GB18030. A dry run only reports; a real run writes all or nothing, and each problem names its row and column. At most 5,000 rows.',
  ),
};
