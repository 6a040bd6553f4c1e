/**
 * The real plan (Incheon Seo-gu 2020) imported from text. Every expected figure below was
 * typed by hand from samples/seogu-2020-jobs-plan.txt (line numbers given),
 * not copied from the importer's output.
 */
import { readFileSync } from "fs";
import { SEOGU_PATH } from "../support/samples";
import { importPlanText } from "../../src/import";
import type { Budget, Project } from "../../src/core/model";

const FIXTURE = SEOGU_PATH;
const text = readFileSync(FIXTURE, "utf8");
const { plan, findings, sections } = importPlanText(text);

type Parts = { n?: number; p?: number; m?: number; x?: number };
function parts(p: Parts): Record<string, number> {
  const out: Record<string, number> = {};
  if (p.n !== undefined) out.national = p.n;
  if (p.p !== undefined) out.province = p.p;
  if (p.m !== undefined) out.municipal = p.m;
  if (p.x !== undefined) out.private = p.x;
  return out;
}
function plain(b: Budget | undefined) {
  return b ? { total: b.total, parts: b.parts } : undefined;
}

const STRATEGIES = [
  "청년 행복 일자리 확대",
  "계층별 맞춤형 일자리 지원 및 발굴",
  "사회적 경제 활성화 및 일자리 질개선 통한 좋은 일자리 창출",
  "경쟁력 있는 산업단지 제조업 일자리 창출",
  "고용 거버넌스 활성화 및 상생협력 일자리 창출",
];

interface ExpectedProject {
  name: string;
  total?: number;
  split?: Parts;
  headcount?: number;
}
interface ExpectedTask {
  strategy: number;
  name: string;
  heading: string;
  headingLine: number;
  target: number | null;
  total: number;
  split: Parts;
  projects: ExpectedProject[];
}

// Plan tables (천원) and project budget lines, in document order.
const TASKS: ExpectedTask[] = [
  {
    strategy: 0, name: "청년 창업 인프라 조성", heading: "청년 창업가 발굴·육성을 위한 청년 창업 인프라 조성", headingLine: 529,
    target: 28, total: 43_900, split: { m: 43_900 }, // lines 567-572
    projects: [
      { name: "청년 창업 공간 조성사업", total: 38_000, split: { m: 38_000 } }, // 550
      { name: "청년 창업 아카데미 운영", total: 5_900, split: { m: 5_900 }, headcount: 25 }, // 555, 557
    ],
  },
  {
    strategy: 0, name: "청년 일자리 발굴", heading: "청년층의 고용 기회 확대를 위한 청년 일자리 발굴", headingLine: 576,
    target: 148, total: 584_320, split: { n: 108_000, m: 476_320 }, // 623-628
    projects: [
      { name: "로봇·드론 산업 육성 프로젝트(지산맞)", total: 154_000, split: { n: 108_000, m: 46_000 }, headcount: 20 }, // 595, 598
      { name: "취업성공 디딤돌 청년인턴사업", total: 333_120, split: { m: 333_120 }, headcount: 76 }, // 602, 604
      { name: "청년층 중소기업 취업지원 사업", total: 97_200, split: { m: 97_200 } }, // 614
    ],
  },
  {
    strategy: 0, name: "청년 취업 역량 강화", heading: "청년층 취업 준비를 위한 청년 취업역량 강화", headingLine: 632,
    target: null, total: 3_780, split: { m: 3_780 }, // 665-670 (marker `【20년 추진계획】`)
    projects: [
      { name: "청년 내일찾기 지원 프로그램", headcount: 400 },
      { name: "특성화고 직업지도 프로그램", headcount: 300 },
      { name: "일반계고 NEW START 프로그램", headcount: 25 },
    ],
  },
  {
    strategy: 1, name: "맞춤형 취업지원서비스 확대", heading: "일자리 미스매치 해소를 위한 맞춤형 취업지원서비스 확대", headingLine: 674,
    target: 6_039, total: 18_000, split: { p: 15_000, m: 3_000 }, // 714-719, 국비/민자 cells empty
    projects: [
      { name: "기업&일자리 지원센터 운영" },
      { name: "상시 취업지원시스템 구축" },
      { name: "찾아가는 취업지원서비스 제공" },
    ],
  },
  {
    strategy: 1, name: "신중년 일자리 확대", heading: "5060세대 (재)취업 지원을 위한 신중년 일자리 확대", headingLine: 723,
    target: 90, total: 451_787, split: { n: 290_386, m: 161_401 }, // 771-776
    projects: [
      { name: "친환경 녹색 표면처리 전문가 양성사업(지산맞)", total: 100_000, split: { n: 90_000, m: 10_000 }, headcount: 30 }, // 738, 740
      { name: "신중년 경력형 일자리 사업", total: 290_556, split: { n: 145_278, m: 145_278 }, headcount: 20 }, // 744, 754
      { name: "신중년 사회공헌 사업", total: 61_231, split: { n: 55_108, m: 6_123 }, headcount: 40 }, // 758, 761
    ],
  },
  {
    strategy: 1, name: "여성친화 일자리 발굴", heading: "여성경제활동 참여율 제고를 위한 여성 친화 일자리 발굴", headingLine: 780,
    target: 110, total: 226_499, split: { n: 122_740, p: 27_200, m: 76_559 }, // 842-847
    projects: [
      { name: "인천 서북부 여성 경제독립 프로젝트(서구·계양구·부평구 공동사업)", total: 136_378, split: { n: 122_740, m: 13_638 } }, // 799
      { name: "경력단절여성 맞춤형 특화사업 (중소기업 사무행정 실무자과정)", total: 16_000, split: { p: 11_200, m: 4_800 }, headcount: 16 }, // 807, 809
      { name: "경력단절여성 취업장애 극복 프로젝트", total: 420, split: { m: 420 }, headcount: 60 }, // 813, 815
      { name: "거주외국인 직업교육", total: 23_701, split: { m: 23_701 }, headcount: 48 }, // 819, 821
      { name: "결혼이민자 일자리 지원 사업", total: 32_000, split: { p: 16_000, m: 16_000 } }, // 827
      { name: "결혼이민자 외국어 강사파견", total: 18_000, split: { m: 18_000 }, headcount: 14 }, // 831, 833
    ],
  },
  {
    strategy: 1, name: "취업취약계층 일자리 사업 추진", heading: "취업취약계층 일자리 사업 추진", headingLine: 851,
    target: 5_350, total: 27_833_799, split: { n: 14_011_486, p: 5_599_389, m: 8_222_924 }, // 939-944
    projects: [
      { name: "노인사회활동지원 및 일자리 사업", total: 16_404_611, split: { n: 8_182_806, p: 4_110_902, m: 4_110_903 }, headcount: 4_629 }, // 862, 870
      { name: "장애인 일자리 사업", total: 2_017_631, split: { n: 785_956, p: 392_978, m: 838_697 }, headcount: 121 }, // 875, 884
      { name: "장애인 근로사업장 운영", total: 3_082_032, split: { p: 392_918, m: 838_697 } }, // 890
      { name: "자활근로사업", total: 5_475_223, split: { n: 4_845_573, p: 440_755, m: 188_895 }, headcount: 433 }, // 896, 905
      { name: "공공근로사업", total: 460_000, split: { p: 230_000, m: 230_000 }, headcount: 71 }, // 910, 918
      { name: "지역공동체일자리 사업", total: 362_480, split: { n: 181_240, p: 90_620, m: 90_620 }, headcount: 50 }, // 926-928 (4+6+40), 930
    ],
  },
  {
    strategy: 1, name: "공공서비스 일자리 사업 추진", heading: "공공서비스 일자리 사업 추진", headingLine: 946,
    target: 1_099, total: 29_974_833, split: { n: 19_457_680, p: 4_507_909, m: 6_009_244 }, // 1010-1015
    projects: [
      { name: "아동복지 지원 사업", total: 3_853_456, split: { n: 2_325_267, p: 552_095, m: 976_094 }, headcount: 306 },
      { name: "사회서비스 제공 사업", total: 23_302_930, split: { n: 16_312_035, p: 3_495_448, m: 3_495_447 }, headcount: 663 },
      { name: "보건서비스 지원 사업", total: 964_567, split: { n: 482_284, p: 241_142, m: 241_141 }, headcount: 31 },
      { name: "클린서구 조성 사업", total: 628_122, split: { n: 18_000, p: 46_000, m: 564_122 }, headcount: 40 },
      { name: "공원·녹지 관리 사업", total: 496_542, split: { n: 146_286, p: 51_520, m: 298_736 }, headcount: 36 },
      { name: "생활체육지도사 배치사업", total: 417_216, split: { n: 173_808, p: 121_704, m: 121_704 }, headcount: 13 },
      { name: "서로e음 운영 사업", total: 312_000, split: { m: 312_000 }, headcount: 10 },
    ],
  },
  {
    strategy: 2, name: "사회적경제 활성화 인프라 구축", heading: "사회적경제 활성화 인프라 구축", headingLine: 1017,
    target: 8, total: 1_039_713, split: { m: 1_039_713 }, // 1051-1056
    projects: [
      { name: "사회적경제마을지원센터 운영" },
      { name: "창의적인 소셜벤처 혁신가 양성" },
      { name: "사회적경제 지역협력체계 구축" },
    ],
  },
  {
    strategy: 2, name: "사회적 경제조직 육성·지원", heading: "좋은 일자리 창출을 위한 사회적기업·마을기업 육성 지원", headingLine: 1060,
    // 1091 reads `867,5000천원`; 867,500 is the reading that makes the split add up.
    target: 72, total: 1_200_000, split: { n: 867_500, p: 165_450, m: 167_050 },
    projects: [{ name: "사회적기업 및 마을기업 발굴·육성" }, { name: "사회적기업 및 마을기업 재정지원" }],
  },
  {
    strategy: 2, name: "일자리 질개선 사업 추진", heading: "좋은 일자리 창출을 위한 일자리 질 개선", headingLine: 1098,
    target: null, total: 313_790, split: { n: 5_408, m: 308_382 }, // 1129-1134
    projects: [{ name: "생활임금제 운영" }, { name: "일·가정 양립 지원사업" }, { name: "고용문화개선 및 노동권익 증진사업" }],
  },
  {
    strategy: 3, name: "산업단지·공업지역 고용환경개선", heading: "일하고 싶은 일터 조성을 위한 고용환경 개선사업", headingLine: 1138,
    target: 400, total: 1_237_143, split: { p: 1_106_000, m: 131_143 }, // 1160-1165
    projects: [
      { name: "검단일반산업단지 무료통근버스 운영사업" },
      { name: "가좌공업지역 디자인거리 조성사업" },
      { name: "산업단지 및 공업지역 환경개선 사업" },
    ],
  },
  {
    strategy: 3, name: "중소기업 육성 지원", heading: "기업 경쟁력 향상을 위한 중소기업 육성 지원", headingLine: 1169,
    target: 13, total: 668_000, split: { n: 80_000, p: 36_000, m: 552_000 }, // 1201-1206
    projects: [
      { name: "중소기업육성기금 융자지원" },
      { name: "중소기업 기술경쟁력 강화 지원사업" },
      { name: "해외 판로개척 지원사업" },
      { name: "소기업·소상공인 특례보증" },
    ],
  },
  {
    strategy: 4, name: "지역고용 거버넌스 활성화", heading: "지역고용거버넌스 활성화", headingLine: 1208,
    target: null, total: 4_500, split: { n: 2_592, m: 1_908 }, // 1237-1242
    projects: [
      { name: "노사민정협의회 운영 활성화" },
      { name: "민·관협력 일자리 네트워크 활성화" },
      { name: "고용복지+센터 협업 추진" },
    ],
  },
  {
    strategy: 4, name: "민간기업 유치 및 상생협력 일자리 창출", heading: "민간기업 유치 및 상생 협력 일자리 창출", headingLine: 1244,
    // 6,678억원 = 667,800,000천원, all 민자 (1279, 1283).
    target: 2_500, total: 667_800_000, split: { x: 667_800_000 },
    projects: [
      { name: "I-Food Park 식품전문단지 조성" },
      { name: "인천서부자원순환특화단지 조성" },
      { name: "청라 도시첨단 산업단지(IHP) 조성" },
      { name: "지역기업연계 일자리 사업 추진" },
    ],
  },
];

describe("Seo-gu 2020 plan text", () => {
  test("plan title, region and year", () => {
    expect(plan.name).toBe("2020년도 일자리대책 연차별 세부계획");
    expect(plan.region).toBe("인천광역시 서구");
    expect(plan.year).toBe(2020);
  });

  test("five strategies named as in the summary by task", () => {
    expect(plan.strategies.map((s) => s.name)).toEqual(STRATEGIES);
  });

  test("the document has 15 plan tables, one per summary task, attached in order", () => {
    const tasks = plan.strategies.flatMap((s, si) => s.tasks.map((t) => ({ si, name: t.name })));
    expect(tasks).toHaveLength(15);
    expect(sections).toHaveLength(15);
    expect(tasks).toEqual(TASKS.map((t) => ({ si: t.strategy, name: t.name })));
    expect(sections.every((s) => s.by === "order")).toBe(true);
  });

  describe.each(TASKS.map((t, k) => [k + 1, t.name, t] as const))("task %i %s", (_k, _name, exp) => {
    const task = plan.strategies[exp.strategy].tasks.find((t) => t.name === exp.name)!;
    const k = TASKS.indexOf(exp);

    test("the task's name is read from its summary row; its section keeps the detail heading", () => {
      expect(task.ref?.line).toBe(sections[k].summaryLine);
      expect(text.split("\n")[task.ref!.line! - 1]).toContain(exp.name);
      expect(sections[k].heading).toBe(exp.heading);
      expect(sections[k].headingLine).toBe(exp.headingLine);
    });

    test("declared target and budget split (천원)", () => {
      expect(task.target).toBe(exp.target);
      expect(plain(task.budget)).toEqual({ total: exp.total, parts: parts(exp.split) });
    });

    test("projects with budget total, split and head count", () => {
      const got = task.projects.map((p: Project) => ({
        name: p.name,
        budget: plain(p.budget),
        headcount: p.headcount,
      }));
      const want = exp.projects.map((p) => ({
        name: p.name,
        budget: p.total === undefined ? undefined : { total: p.total, parts: parts(p.split ?? {}) },
        headcount: p.headcount,
      }));
      expect(got).toEqual(want);
    });
  });

  test("summary by task (백만원): rows, targets, budgets, project lists", () => {
    const rows = plan.summary.byTask!.rows;
    // Lines 38-54; the header repeats at line 47 after a page break.
    expect(rows.map((r) => [r.strategy, r.task, r.target, r.budget])).toEqual([
      [STRATEGIES[0], "청년 창업 인프라 조성", 28, 44],
      [STRATEGIES[0], "청년 일자리 발굴", 148, 584],
      [STRATEGIES[0], "청년 취업 역량 강화", null, 4],
      [STRATEGIES[1], "맞춤형 취업지원서비스 확대", 6_039, 18],
      [STRATEGIES[1], "신중년 일자리 확대", 90, 452],
      [STRATEGIES[1], "여성친화 일자리 발굴", 110, 226],
      [STRATEGIES[1], "취업취약계층 일자리 사업 추진", 5_350, 27_834],
      [STRATEGIES[1], "공공서비스 일자리 사업 추진", 1_099, 29_975],
      [STRATEGIES[2], "사회적경제 활성화 인프라 구축", 13, 1_040],
      [STRATEGIES[2], "사회적 경제조직 육성·지원", 72, 1_200],
      [STRATEGIES[2], "일자리 질개선 사업 추진", null, 313],
      [STRATEGIES[3], "산업단지·공업지역 고용환경개선", 400, 1_237],
      [STRATEGIES[3], "중소기업 육성 지원", 13, 668],
      [STRATEGIES[4], "지역고용 거버넌스 활성화", null, 5],
      [STRATEGIES[4], "민간기업 유치 및 상생협력 일자리 창출", 2_500, null],
    ]);
    expect(rows.map((r) => r.ref?.line)).toEqual([38, 39, 40, 41, 42, 43, 44, 45, 48, 49, 50, 51, 52, 53, 54]);
    expect(plan.summary.byTask!.total).toMatchObject({ target: 15_862, budget: { total: 63_600, parts: {} } });
    expect(rows.map((r) => r.projects)).toEqual([
      ["청년 창업 공간 조성사업", "청년 창업 아카데미 운영"],
      ["로봇·드론 산업 육성 프로젝트", "취업성공 디딤돌 청년인턴사업", "청년층 중소기업 취업지원사업"],
      ["청년 내일찾기 지원 프로그램", "특성화고 직업지도 프로그램", "일반계고 NEW START 프로그램"],
      ["기업&일자리 지원센터 운영", "상시 취업지원시스템 구축", "찾아가는 취업지원서비스 제공"],
      ["친환경 녹색 표면처리 전문가 양성사업", "신중년 경력형 일자리 사업", "신중년 사회공헌 사업"],
      [
        "인천 서북부 여성경제독립프로젝트",
        "경력단절여성 맞춤형 특화사업",
        "경력단절여성 취업장애 극복 프로젝트",
        "거주외국인 직업교육",
        "결혼이민자 일자리 지원사업",
      ],
      ["노인 사회활동지원 및 일자리 사업", "장애인 일자리 사업", "자활근로사업", "공공근로, 지역공동체 일자리 사업"],
      [
        "아동복지 지원 사업",
        "사회서비스 제공 사업",
        "보건서비스 지원 사업",
        "클린서구 조성 사업",
        "공원·녹지 관리 사업",
        "생활체육지도사 배치사업",
        "서로e음 운영 사업",
      ],
      ["사회적경제마을지원센터 운영", "창의적인 소셜벤처 혁신가 양성", "사회적경제 지역협력체계 구축"],
      ["사회적기업 및 마을기업 발굴·육성", "사회적기업 및 마을기업 재정지원"],
      ["생활임금제 운영", "일·가정 양립 지원사업", "고용문화개선 및 노동권의 증진사업"],
      ["검단일반산업단지 무료통근버스 운영사업", "가좌공업지역 디자인거리 조성사업", "산업단지 및 공업지역 환경개선 사업"],
      ["중소기업육성기금 융자지원", "기술경쟁력 강화 지원", "해외 판로개척 지원사업", "소기업·소상공인 특례보증"],
      ["노사민정협의회 운영 활성화", "민·관협력 일자리 네트워크 활성화", "고용복지+센터 협업 추진"],
      ["I-FOOD PARK 식품전문단지 조성", "인천서부자원순환특화단지 조성", "청라 도시첨단산업단지(IHP) 조성", "지역기업연계 일자리 사업 추진"],
    ]);
  });

  test("summary by strategy (분야별 목표, 백만원), names as written there", () => {
    const s = plan.summary.byStrategy!;
    // Lines 488-493.
    expect(s.rows.map((r) => [r.strategy, r.target, plain(r.budget)])).toEqual([
      ["청년 행복 일자리 확대", 176, { total: 632, parts: parts({ n: 108, m: 524 }) }],
      ["계층별 맞춤형 일자리 지원 및 발굴", 12_688, { total: 58_505, parts: parts({ n: 33_882, p: 10_150, m: 14_473 }) }],
      ["사회적경제 활성화 및 일자리 질개선 통한 좋은 일자리 창출", 85, { total: 2_553, parts: parts({ n: 873, p: 165, m: 1_515 }) }],
      ["경쟁력있는 산업단지· 제조업 일자리 창출", 413, { total: 1_905, parts: parts({ n: 80, p: 1_142, m: 683 }) }],
      ["고용거버넌스 활성화 및 상생·협력일자리 창출", 2_500, { total: 5, parts: parts({ n: 3, m: 2 }) }],
    ]);
    expect(s.total?.target).toBe(15_862);
    expect(plain(s.total?.budget)).toEqual({ total: 63_600, parts: parts({ n: 34_946, p: 11_457, m: 17_197 }) });
    expect(s.total?.ref?.line).toBe(488);
  });

  test("plan budget, headline and summary source keys", () => {
    // Line 60: 63,600 34,946 11,457 17,197 121,000 34.
    expect(plain(plan.summary.planBudget)).toEqual({ total: 63_600, parts: parts({ n: 34_946, p: 11_457, m: 17_197 }) });
    expect(plan.headline?.insuredTarget).toMatchObject({ value: 121_000, decimals: 0 });
    expect(plan.headline?.employmentRateTarget).toMatchObject({ value: 34, decimals: 0 });
    expect(plan.summary.sourceKeys).toEqual(["national", "province", "municipal"]);
  });

  test("common targets keep printed decimals", () => {
    // Lines 475-476.
    expect(plan.commonTargets).toHaveLength(2);
    const [rate, insured] = plan.commonTargets;
    expect(rate).toMatchObject({
      name: "취업률",
      unit: "%",
      lastTarget: { value: 44.1, decimals: 1 },
      lastResult: { value: 34, decimals: 0 },
      achievementRate: { value: 77.1, decimals: 1 },
      target: { value: 34, decimals: 0 },
      changeRate: null,
    });
    expect(insured).toMatchObject({
      name: "고용보험 피보험자수",
      unit: "명",
      lastTarget: { value: 116_000, decimals: 0 },
      lastResult: { value: 119_215, decimals: 0 },
      achievementRate: { value: 102.8, decimals: 1 },
      target: { value: 121_000, decimals: 0 },
      changeRate: { value: 1.5, decimals: 1 },
    });
  });

  test("the malformed 867,5000천원 is an error finding with the likely value 867,500", () => {
    const f = findings.filter((x) => x.code === "malformed-number");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      severity: "error",
      location: { line: 1091, path: [STRATEGIES[2], "사회적 경제조직 육성·지원"], field: "national", table: "task-plan" },
      actual: null,
      expected: 867_500,
    });
    expect(f[0].message.ko).toContain("867,5000천원");
    expect(f[0].message.en).toContain("867,500");
  });

  test("no unreadable or other findings on the fixture", () => {
    // Judged: nothing in the fixture's tables is unreadable; the only reading problem is the
    // malformed number above. Inconsistencies between figures are for the checks to find.
    expect(findings.filter((f) => f.code !== "malformed-number")).toEqual([]);
  });

  test("schedule: 72 rows by level, twelve month cells each", () => {
    const s = plan.schedule;
    expect(s).toHaveLength(72);
    expect(s.filter((r) => r.level === "strategy").map((r) => r.name)).toEqual([
      "청년 행복 일자리 확대",
      "계층별 맞춤형 일자리 지원 및 발굴",
      "사회적경제 활성화 및 일자리 질개선을 통한 좋은 일자리 창출",
      "경쟁력있는 산업단지·제조업 일자리 창출",
      "고용거버넌스 활성화 및 상생·협력 일자리 창출",
    ]);
    expect(s.filter((r) => r.level === "task")).toHaveLength(15);
    expect(s.filter((r) => r.level === "project")).toHaveLength(52);
    expect(s.every((r) => r.months.length === 12)).toBe(true);
    expect(s[2]).toMatchObject({
      level: "project",
      name: "청년 창업 공간 조성사업",
      months: ["", "", "", "", "", "공모", "팀 선정", "컨설팅 및 리모델링(필요시), 청년창업팀 개소", "", "", "", ""],
      ref: { line: 1290 },
    });
    expect(s[s.length - 1]).toMatchObject({ name: "지역기업연계 일자리 사업 추진", ref: { line: 1361 } });
  });
});
