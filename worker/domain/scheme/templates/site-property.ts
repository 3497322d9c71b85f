import type { SchemeTemplate } from './shared';
import { seedBands } from './shared';

/*
 * The seed's 案场物业人员薪酬绩效考核方案 (保安/保洁/吧员/领班 at a sales office and show
 * flats): pay = base + bonus × K. Attendance comes from the clock, inspections from the
 * manager's and the developer's rounds, the rest from the manager's rating.
 */
export const siteProperty: SchemeTemplate = {
  id: 'site-property',
  name: '案场物业岗位考核',
  description:
    '适用于售楼部及样板间案场物业人员（保安、保洁、吧员、领班）的月度考核：出勤率 20 分，' +
    '巡查检查按次扣分 40 分，物业经理综合评分 40 分；重大失职一票否决，直接评为最低等级。',
  content: {
    maxScore: 100,
    categories: [
      { key: 'attendance', name: '出勤' },
      { key: 'inspection', name: '巡查检查' },
      { key: 'manager', name: '经理综合评分' },
      { key: 'veto', name: '一票否决' },
    ],
    indicators: [
      {
        key: 'attendance_rate',
        name: '出勤率',
        category: 'attendance',
        type: 'ratio',
        points: 20,
        required: true,
        params: { floor: 0.9, target: 1 },
      },
      {
        key: 'inspection',
        name: '巡查检查',
        category: 'inspection',
        type: 'deduction',
        points: 40,
        required: false,
        params: {
          rules: [
            { key: 'grooming', name: '仪容仪表、着装不规范', deduct: 1 },
            { key: 'off_post', name: '脱岗、串岗', deduct: 2 },
            { key: 'sleeping_on_duty', name: '当班睡岗', deduct: 5 },
            { key: 'area_not_clean', name: '责任区卫生不达标', deduct: 1 },
            { key: 'no_greeting', name: '未按规范迎送、问候客户', deduct: 1 },
            { key: 'handover_incomplete', name: '交接班记录不完整', deduct: 0.5 },
          ],
        },
      },
      {
        key: 'manager_rating',
        name: '物业经理综合评分',
        category: 'manager',
        type: 'rating',
        points: 40,
        required: true,
        params: { scale: 10 },
      },
      {
        key: 'serious_failure',
        name: '重大失职',
        category: 'veto',
        type: 'veto',
        points: 0,
        required: false,
        // No grade: the lowest band, so the rule keeps working if HR renames the grades.
        params: {
          rules: [
            { key: 'safety_incident', name: '失职造成安全事故或财物损失' },
            { key: 'major_complaint', name: '被客户重大有效投诉' },
          ],
        },
      },
    ],
    bands: seedBands(100),
  },
};
