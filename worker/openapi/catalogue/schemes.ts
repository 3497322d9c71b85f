import { op } from './entry';

/** Schemes, their versions, templates and assignments. */
export const schemeOperations = {
  listSchemes: op(
    '列出考核方案',
    'Schemes of the company, with their current and draft version numbers',
    'currentVersion 是最高的已发布版本，draftVersion 是正在编辑的草稿（如有）。',
    'currentVersion is the highest published version; draftVersion the draft being edited, if any.',
  ),
  createScheme: op(
    '新建考核方案',
    'Create a scheme with a version 1 draft',
    '第 1 版草稿的内容可以直接给出、复制模板（fromTemplate）或为空。',
    'Version 1 is a draft with the given content, a copy of a template (fromTemplate), or empty.',
  ),
  getScheme: op(
    '查看一个考核方案',
    'One scheme with the summary of every version',
    '包括每个版本的状态和发布时间，不含内容。',
    'With the status and publication time of each version, without content.',
  ),
  updateScheme: op(
    '修改方案名称或说明',
    'Rename or re-describe a scheme',
    '内容的修改通过版本进行。',
    'Content changes go through versions.',
  ),
  archiveScheme: op(
    '归档考核方案',
    'Archive a scheme',
    '归档后仍可查看，但不能新建版本、修改草稿或发布，也不再用于新的考核。',
    'Still readable, but no new versions, draft edits or publishing, and no new evaluations use it.',
  ),
  listSchemeVersions: op(
    '列出方案的版本',
    'Versions of a scheme, newest first',
    '不含内容；内容见单个版本。',
    'Without content; see one version for it.',
  ),
  createSchemeVersion: op(
    '新建草稿版本',
    'Open a new draft, a copy of the newest version',
    '已有草稿或方案已归档时回答 409。',
    'While a draft is open, or when the scheme is archived, 409.',
  ),
  getSchemeVersion: op(
    '查看一个版本及其内容',
    'One version with its content',
    '草稿还会列出阻止发布的问题（publishIssues），每项指出字段。',
    'A draft also lists what blocks publishing it (publishIssues), each naming its field.',
  ),
  updateSchemeDraft: op(
    '替换草稿的内容',
    "Replace a draft's content",
    '只检查结构，未完成的工作也能保存；已发布的版本从不改变（409）。',
    'Only the shape is checked, so work in progress saves; a published version never changes (409).',
  ),
  publishSchemeVersion: op(
    '发布草稿',
    'Validate the draft and freeze it',
    '检查所有规则（分值合计、区间不重叠、等级覆盖等），不通过时 400 列出每个出错的字段；发布后不再改变。',
    'Checks every rule (points add up, bands do not overlap, grades cover the range …); 400 names every field that breaks one. Once published it never changes.',
  ),
  previewSchemeVersion: op(
    '用示例输入试算',
    'Score sample inputs with this version without saving anything',
    '草稿和已发布版本都可以试算，返回总分、等级和逐项得分明细。',
    'Works for drafts and published versions; answers the total, the grade and the breakdown per indicator.',
  ),
  listSchemeTemplates: op(
    '内置方案模板',
    'Built-in schemes to start from',
    '模板为中文；POST /schemes 的 fromTemplate 可复制其中一个。',
    'Templates are in Chinese; POST /schemes with fromTemplate copies one.',
  ),
  listSchemeAssignments: op(
    '方案分配列表',
    'Which scheme applies to which position, department or employee',
    '每项分配指向一个岗位、部门或员工。',
    'Each assignment targets a position, a department or an employee.',
  ),
  assignScheme: op(
    '分配方案',
    'Apply a scheme to a position or department, or override it for one employee',
    '开启周期时的优先级：员工单独指定，其次岗位，再次部门。',
    'Precedence when a period opens: employee override, then position, then department.',
  ),
  unassignScheme: op(
    '取消分配',
    'Remove an assignment',
    '已开启的考核不受影响。',
    'Evaluations already opened are not affected.',
  ),
};
