// Both languages complete: every key exists in each (a unit test checks it). Chinese is the default.
export const dictionaries = {
  zh: {
    title: '城市运行预警值班台', switchLanguage: 'English', wallMode: '大屏模式', leaveWallMode: '退出大屏',
    signIn: '登录', signOut: '退出', signInPrompt: '请使用值班账号登录。', activeWarnings: '生效中的预警',
    district: '区', type: '类型', level: '级别', all: '全部', showExercises: '显示演练', noWarnings: '当前没有生效中的预警。',
    count: '{n} 条预警', live: '实时', reconnecting: '重新连接中…', exercise: '演练', version: '第 {n} 版',
    published: '发布于 {t}', expires: '有效至 {t}', new: '新发布', escalated: '升级', downgraded: '降级', updated: '更新',
    signInFailed: '登录失败：{m}', wholeCity: '全市',
    navWall: '预警墙', notPublished: '尚未发布', centralDistricts: '中心城区', majorHazards: '重大危险源', rule: '规则', detail: '说明', 'major.level1': '一级', 'major.level2': '二级', 'major.level3': '三级', 'major.level4': '四级', navShelters: '避难场所', navStock: '物资储备', people: '人数', arrival: '到达', departure: '离开', occupancy: '在场/容量', movements: '人员进出', outOfService: '暂停接收', balances: '库存', onHand: '在库', reserved: '预留', ledger: '台账', time: '时间', kind: '类型', delta: '变动', balanceAfter: '结存', actor: '经办人', 'ledger.receipt': '入库', 'ledger.issue': '出库', 'ledger.adjustment': '盘点调整', 'ledger.rotation': '轮换', 'ledger.writeOff': '报废', 'ledger.transferOut': '调出', 'ledger.transferIn': '调入', 'ledger.reservation': '预留', 'ledger.reservationRelease': '释放预留',  navMap: '地图', 'layer.shelter': '避难场所', 'layer.warehouse': '物资储备库', 'layer.hazard': '重大危险源', navIssue: '发布预警', navReadiness: '应急准备', navHazards: '危化品查询', back: '← 返回预警墙',
    state: '状态', 'state.draft': '待审核签发', 'state.active': '生效中', 'state.ended': '已结束', 'state.rejected': '已驳回',
    'kind.issue': '发布', 'kind.escalate': '升级', 'kind.downgrade': '降级', 'kind.extend': '延长', 'kind.amend': '更正',
    'kind.lift': '解除', 'kind.cancel': '撤销', 'kind.expire': '到期',
    author: '起草人', signedOffBy: '签发人', unit: '责任单位', acknowledged: '签收', disposition: '处置情况', latestReport: '最新反馈',
    onBehalf: '值班代签', overdue: '超时未签收', inProgress: '处置中', completed: '已完成',
    awaitingSignOff: '{level}待审核签发：由 {by} 起草，须由另一位值班员签发。', secondPersonMustSign: '您是起草人，不能自行签发。',
    comment: '意见', approve: '签发', note: '说明', update: '更新预警', reason: '原因', lift: '解除预警', cancel: '撤销预警',
    acknowledge: '签收', report: '反馈内容', reportDisposition: '反馈处置情况', closedLoop: '闭环（签收与处置）', versions: '历次版本', area: '预警区域',
    districts: '预警区', headline: '标题', description: '内容', instruction: '防御指引', expiresAt: '有效期至', responsibleUnits: '责任单位',
    shape: '多边形或圆形区域（可选）', polygon: '多边形', polygonHint: '每行一个点：纬度,经度（首尾相同）', circle: '圆形',
    centreLat: '圆心纬度', centreLon: '圆心经度', radiusKm: '半径（千米）',
    onePerLine: '每行一个单位', asExercise: '演练（不对公众发布）', issue: '发布',
    shelters: '避难场所', shelter: '场所', status: '状态', freePlaces: '空余床位', 'shelter.standby': '待命', 'shelter.open': '开放',
    'shelter.closed': '关闭', 'shelter.full': '已满', sheltersReady: '待命或开放 {n} 处，空余 {places} 人',
    shortfalls: '物资缺口', warehouse: '储备库', material: '物资', minimum: '定额', available: '可用', missing: '缺口', noShortfall: '无物资缺口。',
    reservations: '为预警预留的物资', noReservation: '尚无预留。', released: '已释放', noSeriousWarning: '当前没有橙色或红色预警。',
    enterprise: '企业', holder: '当前持有', scans: '扫码次数', anomalies: '异常', label: '安全标签', emergencyPhone: '应急电话', revision: '修订',
    trace: '流向追溯', noScans: '尚无扫码记录。', step: '环节', address: '地点', quantity: '数量', remaining: '剩余', operator: '操作人',
    'scan.commissioning': '赋码', 'scan.shipping': '发货', 'scan.loading': '装车', 'scan.receiving': '收货', 'scan.storing': '入库',
    'scan.dispensing': '分装领用', 'scan.repackaging': '重新包装', 'scan.cycleCounting': '盘点', 'scan.disposal': '处置',
    noSuchCode: '没有这个产品码。', scanQr: '扫描二维码', productCode: '产品码', lookUp: '查询',
    'level.blue': '蓝色预警', 'level.yellow': '黄色预警', 'level.orange': '橙色预警', 'level.red': '红色预警',
    navPrevention: '双重预防', riskRanking: '企业风险排名', rank: '排名', score: '评分', riskLevel: '风险等级', showTerms: '评分构成',
    'risk.blue': '蓝(低风险)', 'risk.yellow': '黄(一般风险)', 'risk.orange': '橙(较大风险)', 'risk.red': '红(重大风险)',
    term: '项目', termCount: '数量', weight: '权重', points: '得分', thresholds: '黄色自 {y} 分，橙色自 {o} 分，红色自 {r} 分',
    'term.majorHazard': '最高重大危险源', 'term.riskPoint': '最高风险点', 'term.openMajorDangers': '未销号重大隐患',
    'term.openGeneralDangers': '未销号一般隐患', 'term.overdueMajorDangers': '逾期重大隐患', 'term.overdueGeneralDangers': '逾期一般隐患',
    'term.scanAnomalies': '近30日扫码异常', noEnterprise: '没有企业。', awaitingVerification: '待核实的群众举报', reportedAt: '举报时间',
    hiddenDanger: '隐患', verify: '核实', reject: '驳回', rejectReason: '驳回理由(举报人可见)', noneAwaiting: '没有待核实的举报。',
    supervised: '挂牌督办', supervisingUnit: '督办单位', deadline: '期限', overdueMark: '已逾期', noneSupervised: '没有挂牌督办的隐患。',
    'danger.reported': '待核实', 'danger.verified': '已核实', 'danger.rejected': '已驳回', 'danger.rectifying': '整改中',
    'danger.rectified': '待复查', 'danger.closed': '已销号',
  },
  en: {
    title: 'City Operations Warning Desk', switchLanguage: '中文', wallMode: 'Wall mode', leaveWallMode: 'Leave wall mode',
    signIn: 'Sign in', signOut: 'Sign out', signInPrompt: 'Sign in with your duty account.', activeWarnings: 'Active warnings',
    district: 'District', type: 'Type', level: 'Level', all: 'All', showExercises: 'Show exercises', noWarnings: 'No warning is active.',
    count: '{n} warnings', live: 'Live', reconnecting: 'Reconnecting…', exercise: 'Exercise', version: 'Version {n}',
    published: 'Published {t}', expires: 'Until {t}', new: 'New', escalated: 'Escalated', downgraded: 'Downgraded', updated: 'Updated',
    signInFailed: 'Sign-in failed: {m}', wholeCity: 'Whole city',
    navWall: 'Warnings wall', notPublished: 'Not published yet', centralDistricts: 'Central districts', majorHazards: 'Major hazard sources', rule: 'Rule', detail: 'Detail', 'major.level1': 'Level 1', 'major.level2': 'Level 2', 'major.level3': 'Level 3', 'major.level4': 'Level 4', navShelters: 'Shelters', navStock: 'Stock', people: 'People', arrival: 'Arrival', departure: 'Departure', occupancy: 'Present / capacity', movements: 'Arrivals and departures', outOfService: 'taking no new arrivals', balances: 'Balances', onHand: 'On hand', reserved: 'Reserved', ledger: 'Ledger', time: 'Time', kind: 'Kind', delta: 'Change', balanceAfter: 'Balance after', actor: 'By', 'ledger.receipt': 'Receipt', 'ledger.issue': 'Issue', 'ledger.adjustment': 'Adjustment', 'ledger.rotation': 'Rotation', 'ledger.writeOff': 'Write-off', 'ledger.transferOut': 'Transfer out', 'ledger.transferIn': 'Transfer in', 'ledger.reservation': 'Reservation', 'ledger.reservationRelease': 'Reservation released',  navMap: 'Map', 'layer.shelter': 'Shelters', 'layer.warehouse': 'Reserve warehouses', 'layer.hazard': 'Major hazard sources', navIssue: 'Issue a warning', navReadiness: 'Readiness', navHazards: 'Hazardous chemicals', back: '← Back to the wall',
    state: 'State', 'state.draft': 'Awaiting sign-off', 'state.active': 'Active', 'state.ended': 'Ended', 'state.rejected': 'Rejected',
    'kind.issue': 'Issued', 'kind.escalate': 'Escalated', 'kind.downgrade': 'Downgraded', 'kind.extend': 'Extended', 'kind.amend': 'Amended',
    'kind.lift': 'Lifted', 'kind.cancel': 'Cancelled', 'kind.expire': 'Expired',
    author: 'Drafted by', signedOffBy: 'Signed off by', unit: 'Responsible unit', acknowledged: 'Acknowledged', disposition: 'Disposition', latestReport: 'Latest report',
    onBehalf: 'by the duty desk on its behalf', overdue: 'overdue', inProgress: 'In progress', completed: 'Completed',
    awaitingSignOff: '{level} awaiting sign-off: drafted by {by}, to be signed off by a second duty officer.', secondPersonMustSign: 'You drafted it, so you cannot sign it off.',
    comment: 'Comment', approve: 'Sign off', note: 'Note', update: 'Update the warning', reason: 'Reason', lift: 'Lift the warning', cancel: 'Cancel the warning',
    acknowledge: 'Acknowledge', report: 'Report', reportDisposition: 'Report disposition', closedLoop: 'Closed loop (acknowledgements and disposition)', versions: 'Versions', area: 'Warned area',
    districts: 'Districts', headline: 'Headline', description: 'Description', instruction: 'Instructions', expiresAt: 'Expires', responsibleUnits: 'Responsible units',
    shape: 'Polygon or circle (optional)', polygon: 'Polygon', polygonHint: 'One point per line: lat,lon (first = last)', circle: 'Circle',
    centreLat: 'Centre latitude', centreLon: 'Centre longitude', radiusKm: 'Radius (km)',
    onePerLine: 'One unit per line', asExercise: 'Exercise (not announced to the public)', issue: 'Issue',
    shelters: 'Shelters', shelter: 'Shelter', status: 'Status', freePlaces: 'Free places', 'shelter.standby': 'On standby', 'shelter.open': 'Open',
    'shelter.closed': 'Closed', 'shelter.full': 'Full', sheltersReady: '{n} on standby or open, {places} free places',
    shortfalls: 'Material shortfalls', warehouse: 'Warehouse', material: 'Material', minimum: 'Norm', available: 'Available', missing: 'Missing', noShortfall: 'No shortfall.',
    reservations: 'Stock reserved for the warning', noReservation: 'Nothing reserved yet.', released: 'released', noSeriousWarning: 'No orange or red warning is active.',
    enterprise: 'Enterprise', holder: 'Held by', scans: 'Scans', anomalies: 'Anomalies', label: 'Safety label', emergencyPhone: 'Emergency phone', revision: 'revision',
    trace: 'Trace', noScans: 'No scans yet.', step: 'Step', address: 'Place', quantity: 'Quantity', remaining: 'Remaining', operator: 'Operator',
    'scan.commissioning': 'Commissioning', 'scan.shipping': 'Shipping', 'scan.loading': 'Loading', 'scan.receiving': 'Receiving', 'scan.storing': 'Storing',
    'scan.dispensing': 'Dispensing', 'scan.repackaging': 'Repackaging', 'scan.cycleCounting': 'Cycle count', 'scan.disposal': 'Disposal',
    noSuchCode: 'No such product code.', scanQr: 'Scan the QR code', productCode: 'Product code', lookUp: 'Look up',
    'level.blue': 'Blue warning', 'level.yellow': 'Yellow warning', 'level.orange': 'Orange warning', 'level.red': 'Red warning',
    navPrevention: 'Dual prevention', riskRanking: 'Enterprises by risk', rank: 'Rank', score: 'Score', riskLevel: 'Risk level', showTerms: 'Score terms',
    'risk.blue': 'Blue (low)', 'risk.yellow': 'Yellow (general)', 'risk.orange': 'Orange (considerable)', 'risk.red': 'Red (major)',
    term: 'Term', termCount: 'Count', weight: 'Weight', points: 'Points', thresholds: 'Yellow from {y}, orange from {o}, red from {r} points',
    'term.majorHazard': 'Gravest major hazard source', 'term.riskPoint': 'Highest risk point', 'term.openMajorDangers': 'Open major hidden dangers',
    'term.openGeneralDangers': 'Open general hidden dangers', 'term.overdueMajorDangers': 'Overdue major hidden dangers', 'term.overdueGeneralDangers': 'Overdue general hidden dangers',
    'term.scanAnomalies': 'Scan anomalies, last 30 days', noEnterprise: 'No enterprise.', awaitingVerification: "Citizens' reports awaiting verification", reportedAt: 'Reported',
    hiddenDanger: 'Hidden danger', verify: 'Verify', reject: 'Reject', rejectReason: 'Reason for rejecting (the citizen sees it)', noneAwaiting: 'No report awaits verification.',
    supervised: 'Listed for supervision', supervisingUnit: 'Supervising unit', deadline: 'Deadline', overdueMark: 'overdue', noneSupervised: 'No hidden danger is listed for supervision.',
    'danger.reported': 'Awaiting verification', 'danger.verified': 'Verified', 'danger.rejected': 'Rejected', 'danger.rectifying': 'Rectifying',
    'danger.rectified': 'Awaiting review', 'danger.closed': 'Closed',
  },
};

// GB/T 2260 codes of Shanghai's districts, as the geography the services use names them.
export const districts = [
  ['310101', '黄浦区', 'Huangpu'], ['310104', '徐汇区', 'Xuhui'], ['310105', '长宁区', 'Changning'], ['310106', '静安区', "Jing'an"],
  ['310107', '普陀区', 'Putuo'], ['310109', '虹口区', 'Hongkou'], ['310110', '杨浦区', 'Yangpu'], ['310112', '闵行区', 'Minhang'],
  ['310113', '宝山区', 'Baoshan'], ['310114', '嘉定区', 'Jiading'], ['310115', '浦东新区', 'Pudong'], ['310116', '金山区', 'Jinshan'],
  ['310117', '松江区', 'Songjiang'], ['310118', '青浦区', 'Qingpu'], ['310120', '奉贤区', 'Fengxian'], ['310151', '崇明区', 'Chongming'],
];

export const levels = ['blue', 'yellow', 'orange', 'red'];

let current = 'zh';

export function language() { return current; }

export function setLanguage(lang) { current = dictionaries[lang] ? lang : 'zh'; }

export function t(key, values = {}) {
  const text = dictionaries[current][key] ?? dictionaries.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}

export function districtName(code) {
  const found = districts.find(d => d[0] === code);
  return found ? (current === 'en' ? found[2] : found[1]) : code;
}

/** A time as the bureau reads it: Shanghai time, whatever the browser's zone. */
export function time(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(current === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
  }).format(new Date(iso));
}

/** Writes the current language into every element that names a key. */
export function translate(root) {
  root.documentElement.lang = current === 'en' ? 'en' : 'zh-CN';
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  root.title = t('title');
}
