/** 录入表格: the scoring grid, its paste and its per-cell refusals. */
export const gridTexts = {
  grid: ['录入表格', 'Scoring grid'],
  gridOf: ['{key} 录入表格', 'Scoring grid · {key}'],
  gridHelp: [
    '每行一名员工，每列一个指标。可从 Excel 复制一块粘贴到任一单元格：带「工号」或「姓名」和指标名称的表头时按表头对齐，不带表头时从所选单元格开始填入。比率按百分数录入，如 96 或 96%。方向键和回车键在单元格间移动，全部核对无误后一次保存。',
    'One row per employee, one column per indicator. Copy a block in Excel and paste it into any cell: with a header line (工号 or 姓名, and the indicators’ names) it lines up by the headers, without one it fills from the chosen cell. Type rates in percent, such as 96 or 96%. Arrow keys and Enter move between cells; when everything checks out, save it all at once.',
  ],
  gridDepartment: ['部门', 'Department'],
  gridAllDepartments: ['全部部门', 'All departments'],
  gridNoRows: ['没有可以显示的考核', 'No evaluation to show'],
  gridNoColumns: ['考核方案里没有需要录入数值的指标', 'The scheme has no indicator that takes a value'],
  gridUnitRate: ['%', '%'],
  gridUnitPoints: ['满分 {scale} 分', 'out of {scale}'],
  gridUnitCount: ['次', 'count'],
  gridSave: ['保存全部（{n} 个单元格）', 'Save all ({n} cells)'],
  gridSaved: ['已保存 {rows} 人的 {cells} 个单元格', 'Saved {cells} cells for {rows} people'],
  gridBadCells: ['有 {n} 个单元格需要更正，更正后才能保存', '{n} cells need correcting before saving'],
  gridReload: ['重新读取（保留已输入的值）', 'Reload (keeps what you typed)'],
  gridDiscard: ['放弃修改', 'Discard changes'],
  gridNotEditable: ['只读', 'read only'],
  gridCell: ['{name} 的 {indicator}', '{indicator} of {name}'],
  gridPasted: ['已粘贴 {n} 个单元格', 'Pasted {n} cells'],
  gridPasteSkipped: ['{n} 个单元格只读，未粘贴', '{n} read-only cells were left out'],
  cell_not_a_number: ['不是数字', 'not a number'],
  cell_negative: ['不能为负数', 'must not be negative'],
  cell_rate_ambiguous: [
    '{text} 是 {text}% 还是 {percent}%？请带 % 写，如 {percent}%',
    'Is {text} {text}% or {percent}%? Write it with %, such as {percent}%',
  ],
  cell_rate_range: [
    '比率应在 0% 到 100% 之间，这里是 {percent}%',
    'A rate is between 0% and 100%, not {percent}%',
  ],
  cell_rating_range: ['评分应在 0 到 {scale} 分之间', 'A rating is between 0 and {scale}'],
  paste_unknown_employee: [
    '第 {line} 行：没有工号为 {employeeNo} 的员工',
    'Line {line}: no employee has 工号 {employeeNo}',
  ],
  paste_unknown_name: ['第 {line} 行：没有名叫 {name} 的员工', 'Line {line}: nobody is named {name}'],
  paste_ambiguous_name: [
    '第 {line} 行：有不止一名员工叫 {name}，请加一列工号',
    'Line {line}: more than one employee is named {name}; add a 工号 column',
  ],
  paste_unknown_header: [
    '表头「{header}」不是指标名称，这一列未粘贴',
    'The header “{header}” names no indicator; that column was left out',
  ],
  paste_outside: ['第 {line} 行超出了表格，未粘贴', 'Line {line} falls outside the grid and was left out'],
  gridNothingSaved: [
    '没有保存任何单元格：请看表格中标出的行和单元格',
    'Nothing was saved: see the rows and cells marked in the grid',
  ],
  grid_stale: [
    '这一行已被他人修改，未保存。请点「重新读取」，核对后再保存',
    'Someone else changed this row, so nothing was saved. Reload, check, and save again',
  ],
  grid_wrong_state: [
    '考核状态为「{status}」，只有草稿可以录入',
    'The evaluation is {status}; only a draft takes inputs',
  ],
  grid_not_found: [
    '这一行不是本月您能看到的考核',
    'This row is not an evaluation of this month that you can see',
  ],
  grid_not_allowed: ['您不能为这名员工录入', 'You may not enter values for this employee'],
  grid_own_evaluation: [
    '这是您本人的考核，不能自己录入',
    'This is your own evaluation; nobody enters values on their own',
  ],
  grid_employee_inactive: [
    '员工已停用（离职），不再接收新的输入',
    'The employee is deactivated (left) and takes no new inputs',
  ],
} satisfies Record<string, readonly [string, string]>;
