"""Words and shares the demo-data generator (`app.services.demo`) builds its caseload from.

Mostly plain data (names, county facts, note phrasings, employers, service-unit names, how common each kind of
client is), plus the few small builders that turn it into a person's name, a phone number or an address.
Organisation and company names are made up from generic words on purpose, so a demo store never attaches invented
caseloads to a real foundation or firm.
"""

from __future__ import annotations

import random
from itertools import accumulate
from typing import Final

from app.services.validation import validate_phone

# --- people -------------------------------------------------------------------------------------------------------

# Common surnames with their approximate share (per mille) of Taiwan's population (內政部 姓氏統計, rounded), so
# 陳/林/黃 dominate as they do in any real caseload.
SURNAMES: Final[tuple[tuple[str, float], ...]] = (
    ("陳", 111), ("林", 83), ("黃", 60), ("張", 53), ("李", 51), ("王", 41), ("吳", 40), ("劉", 32), ("蔡", 29),
    ("楊", 26), ("許", 23), ("鄭", 19), ("謝", 18), ("郭", 17), ("洪", 15), ("邱", 15), ("曾", 15), ("廖", 14),
    ("賴", 14), ("徐", 13), ("周", 13), ("葉", 12), ("蘇", 12), ("莊", 10), ("呂", 10), ("江", 9), ("何", 9),
    ("蕭", 9), ("羅", 9), ("高", 8), ("潘", 7), ("簡", 6), ("朱", 6), ("鍾", 6), ("游", 6), ("彭", 6), ("詹", 6),
    ("胡", 5), ("施", 5), ("沈", 5), ("余", 5), ("盧", 5), ("梁", 4), ("趙", 4), ("顏", 4), ("柯", 4), ("翁", 4),
    ("魏", 4), ("孫", 3), ("戴", 3), ("范", 3), ("方", 3), ("宋", 3), ("鄧", 3), ("杜", 3), ("傅", 3), ("侯", 3),
    ("曹", 3), ("薛", 2), ("丁", 2), ("卓", 2), ("阮", 2), ("馬", 2), ("董", 2), ("温", 2), ("唐", 2), ("藍", 2),
    ("石", 2), ("蔣", 2), ("古", 2), ("紀", 2), ("姚", 2), ("連", 2), ("馮", 2), ("歐", 2), ("程", 2), ("湯", 2),
)  # fmt: skip
# Compound surnames (複姓); 張簡 and 范姜 are typically Taiwanese.
COMPOUND_SURNAMES: Final = ("歐陽", "司馬", "張簡", "范姜", "諸葛", "上官", "司徒")

# Given-name characters by generation: names of people born before ~1975 sound different from younger ones.
MALE_OLDER: Final = ("國雄", "榮華", "振興", "清水", "金龍", "明德", "文昌", "建成", "永福", "正義", "添丁", "俊雄")
FEMALE_OLDER: Final = ("秀英", "美玉", "麗珠", "月娥", "金蓮", "淑華", "素卿", "玉琴", "碧雲", "惠美", "秀鳳", "阿滿")
MALE_CHARS: Final = "志明家俊宏建文偉冠宇承翰柏豪哲彥宗凱信育仁智傑國榮正勝昌德輝銘賢裕達祥威廷睿恩辰軒浩佑霖鈞瑋翔皓"
FEMALE_CHARS: Final = "淑美惠怡婷雅佩玉秀芳珍麗君如慧靜欣宜筱涵詩琪瑜萱蓁妤庭薇雯心晴穎彤安佳思敏鈺真玲娟貞琴蘭"
# 罕用字: characters many systems and fonts get wrong; the demo carries a few so screens, search and printing meet them.
RARE_BMP_CHARS: Final = ("堃", "喆", "犇", "昇", "峯", "䶮", "淼", "焱", "垚")
RARE_NON_BMP_CHARS: Final = ("𡘙",)  # U+21619, outside the Basic Multilingual Plane: 4 bytes in UTF-8, 2 in UTF-16

# New residents (新住民) from Vietnam carry Sino-Vietnamese names on their 居留證; 氏 marks a woman's middle name.
NEW_RESIDENT_SURNAMES: Final = ("阮", "陳", "黎", "范", "武", "潘", "黃", "吳")
NEW_RESIDENT_GIVEN: Final = ("梅", "香", "秋", "玉", "蘭", "鳳", "清", "雪", "花", "幸", "紅", "翠")

CONTACT_RELATIONS: Final = ("父", "母", "配偶", "兄", "姊", "弟", "妹", "子", "女", "朋友", "社工")
NEW_RESIDENT_RELATIONS: Final = ("配偶", "配偶", "子", "女", "朋友", "社工")
SAME_SURNAME_RELATIONS: Final = frozenset({"父", "兄", "弟"})
MALE_RELATIONS: Final = frozenset({"父", "兄", "弟", "子"})
FEMALE_RELATIONS: Final = frozenset({"母", "姊", "妹", "女"})
# Birth-year offset of a relative from the client, so that a parent gets a name of the parent's generation.
GENERATION: Final = {"父": -28, "母": -26, "子": 26, "女": 26}
# How a note refers to the contact person ("由母親陪同").
RELATION_WORDS: Final = {"父": "父親", "母": "母親", "兄": "哥哥", "姊": "姊姊", "弟": "弟弟", "妹": "妹妹",
                         "子": "兒子", "女": "女兒"}  # fmt: skip
NAME_STYLE_WEIGHTS: Final = {"regular": 89, "single": 5, "compound": 2.5, "rare": 2.5, "non_bmp": 1}

# --- places -------------------------------------------------------------------------------------------------------

# Residents (萬人, 2024, rounded) for weighting; small counties get a floor so 花東 and the islands always show up.
COUNTY_POPULATION: Final[dict[str, float]] = {
    "NWT": 404, "TPE": 249, "TAO": 232, "TXG": 285, "TNN": 185, "KHH": 273, "ILA": 45, "HSQ": 59, "MIA": 54,
    "CHA": 123, "NAN": 48, "YUN": 66, "CYQ": 49, "PIF": 80, "TTT": 21, "HUA": 32, "PEN": 11, "KEE": 36,
    "HSZ": 46, "CYI": 26, "KIN": 14, "LIE": 1.4,
}  # fmt: skip
# The 身分證 first letter is the 戶籍 county at first registration; merged counties keep their old letters
# (臺中縣 L, 臺南縣 R, 高雄縣 S, 陽明山 Y).
ID_LETTERS: Final[dict[str, str]] = {
    "TPE": "AAAAY", "TXG": "BBL", "KEE": "C", "TNN": "DDR", "KHH": "EES", "NWT": "F", "ILA": "G", "TAO": "H",
    "CYI": "I", "HSQ": "J", "MIA": "K", "NAN": "M", "CHA": "N", "HSZ": "O", "YUN": "P", "CYQ": "Q", "PIF": "T",
    "HUA": "U", "TTT": "V", "KIN": "W", "PEN": "X", "LIE": "Z",
}  # fmt: skip
# 市話: area code, subscriber length and the first digits real numbers there start with. The first digit also keeps
# the parser unambiguous (no 03-7…, which would read as 037 苗栗; no 04-9… = 049; no 08-2…/08-9…).
LANDLINES: Final[dict[str, tuple[str, int, str]]] = {
    "TPE": ("02", 8, "2"), "NWT": ("02", 8, "289"), "KEE": ("02", 8, "2"), "TAO": ("03", 7, "34"),
    "HSZ": ("03", 7, "5"), "HSQ": ("03", 7, "5"), "ILA": ("03", 7, "9"), "HUA": ("03", 7, "8"),
    "MIA": ("037", 6, "2345"), "TXG": ("04", 8, "2"), "CHA": ("04", 7, "78"), "NAN": ("049", 7, "2"),
    "YUN": ("05", 7, "56"), "CYI": ("05", 7, "2"), "CYQ": ("05", 7, "3"), "TNN": ("06", 7, "25"),
    "PEN": ("06", 7, "9"), "KHH": ("07", 7, "3567"), "PIF": ("08", 7, "7"), "KIN": ("082", 6, "3"),
    "LIE": ("0836", 5, "2"), "TTT": ("089", 6, "3"),
}  # fmt: skip
MOBILE_PREFIXES: Final = ("0910", "0912", "0919", "0920", "0921", "0928", "0932", "0933", "0937", "0952", "0955",
                          "0958", "0963", "0966", "0972", "0975", "0978", "0988")  # fmt: skip
# Townships that every sizeable demo must contain, when the county list has them: 蘭嶼 and 綠島 are islands of
# 臺東縣 that outreach (and the reports' 偏鄉 counting) must handle.
FEATURED_TOWNSHIPS: Final = ("蘭嶼鄉", "綠島鄉")
REMOTE_COUNTIES: Final = frozenset({"HUA", "TTT", "PEN", "KIN", "LIE"})
STREETS: Final = (
    "中正路", "中山路", "民生路", "民族路", "復興路", "建國路", "光復路", "和平路", "自由路", "成功路",
    "文化路", "中華路", "民權路", "忠孝路", "仁愛路", "信義路", "大同路", "公園路", "府前路", "長春路",
)  # fmt: skip
VILLAGES: Final = ("中興村", "和平村", "復興村", "東興村", "大同村", "新生村", "光明村", "福德村")

# --- the serving side ---------------------------------------------------------------------------------------------

CASE_MANAGERS: Final = ("cm.chen", "cm.lin", "cm.wang", "cm.huang", "cm.chang", "cm.li", "cm.wu")
OWN_UNITS: Final = ("社團法人中華職業重建服務協會", "財團法人臺灣就業支持基金會")

# Service-unit directory: (name pattern, service kinds offered). {c} is the county name, {w} an invented word.
UNIT_WORDS: Final = ("向陽", "春暉", "青松", "禾豐", "和光", "築夢", "展翼", "晴天", "同行", "慧心", "立德", "曙光",
                     "萌芽", "長青", "明日", "好樂", "善牧園", "恩典", "新希望", "穗香")  # fmt: skip
UNIT_PATTERNS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("財團法人{w}社會福利基金會", ("supported_employment", "pre_employment_preparation", "employment_stabilisation")),
    ("財團法人{w}文教基金會附設職業輔導評量中心", ("vocational_evaluation", "career_counselling")),
    ("社團法人{c}{w}身心障礙者家長協會", ("supported_employment", "workplace_learning", "job_shadowing")),
    ("社團法人{c}{w}精神康復者關懷協會", ("supported_employment", "employment_stabilisation", "non_vr_resource")),
    ("{c}{w}庇護工場", ("sheltered_employment", "workplace_learning")),
    ("財團法人{w}職業訓練中心", ("vocational_training", "job_shadowing", "entrepreneurship")),
    ("社團法人{c}{w}視障者福利協會", ("home_based_employment", "vocational_training", "job_redesign")),
    ("{c}{w}職務再設計服務中心", ("job_redesign",)),
    ("{c}{w}社區心理衛生中心", ("non_vr_resource",)),
    ("社團法人{c}{w}就業促進協會", ("career_counselling", "pre_employment_preparation", "other_vr_programme")),
)

REFERRING_UNITS: Final[dict[str, tuple[str, ...]]] = {
    "education": ("{c}立{w}高級中等學校特教組", "國立{c}{w}特殊教育學校"),
    "social_welfare": ("{c}政府社會局身心障礙福利科", "{c}{w}家庭服務中心"),
    "health": ("{c}{w}醫院精神科日間病房", "{c}衛生局社區心理衛生中心"),
    "labour": ("{c}職業重建服務窗口", "{c}{w}就業服務站"),
}

# --- case work ----------------------------------------------------------------------------------------------------

INTAKE_NOTES: Final = (
    "案主由{who}陪同到站，說明希望找一份{wish}的工作；過去曾在{past}工作約{years}年，因{leave}離職。",
    "初次晤談：案主表達就業意願高，期待從事{wish}工作，但擔心{worry}。已說明職業重建服務流程與個資同意事項。",
    "接案晤談：案主自述離職約{years}年，目前與{who}同住，經濟主要靠家人支持，希望盡快找到{wish}的工作。",
)
NOT_OPEN_REASONS: Final = (
    "案主目前以就醫治療為主，尚無就業意願，建議病情穩定後再申請。",
    "經評估案主已有穩定工作，目前無職業重建服務需求。",
    "案主表示僅需職缺資訊，已轉介就業服務站提供一般就業服務。",
    "案主居住地不在本單位服務區域，已協助轉介戶籍地縣市窗口。",
    "案主及家屬表示暫不考慮就業，先以日間照顧服務為主。",
)
OPEN_REASONS_ES: Final = (
    "失業逾六個月，求職動機低落，需個案管理協助。",
    "推介三次以上仍未就業，需深入評估就業障礙。",
    "缺乏工作技能與經驗，就業目標不切實際，需協助釐清。",
    "離開職場約兩年，家庭照顧責任重，需協助規劃重返職場。",
)
SERVICE_NOTES: Final[dict[str, tuple[str, ...]]] = {
    "in_person": (
        "與案主面談，討論求職進度；案主已上網瀏覽{job}職缺三筆，約定下週一同練習面試。",
        "面談中案主情緒穩定，表示服藥規律；共同檢視履歷並修正自傳內容。",
        "說明職業重建服務計畫內容，案主了解各項服務並同意參與。",
        "案主反映通勤時間過長，討論以住家附近{job}職缺為優先。",
    ),
    "phone": (
        "電訪關懷，案主表示近況穩定，持續求職中，提醒下次面談時間。",
        "電話聯繫案主，告知{unit}服務時段，案主同意前往。",
        "電訪家屬，了解案主作息已較規律，家屬支持案主外出工作。",
    ),
    # Once the client works, calls and meetings are about the job.
    "phone_employed": (
        "電訪關懷，案主表示在{employer}工作適應良好，與同事相處融洽。",
        "電訪案主，反映近期加班較多感到疲累，討論與主管溝通排班。",
        "電訪雇主，主管表示案主出勤穩定，工作品質持續進步。",
    ),
    "in_person_employed": (
        "與案主下班後面談，回顧第一個月工作情形，案主對薪資及工作內容滿意。",
        "面談討論案主與同事溝通的困擾，演練請假及反映問題的說法。",
    ),
    "home_visit": (
        "家訪：與案主及{who}會談，了解家庭支持情形，家屬擔心案主工作壓力，已說明支持性服務內容。",
        "家訪：案主居住環境整潔，生活自理佳；討論交通方式，案主可自行搭乘公車。",
    ),
    "workplace_visit": (
        "職場訪視：案主於{employer}擔任{job}，主管表示工作態度認真，惟速度仍需加強。",
        "職場訪視：與主管及同事溝通案主工作需求，協助調整工作流程並製作工作提示卡。",
        "職場訪視：案主已能獨立完成每日工作項目，主管滿意，逐步褪除輔導。",
    ),
}
WISHES: Final = ("固定白天班", "離家近", "不需要長時間站立", "可以學技術", "兼職", "室內")
WORRIES: Final = ("體力無法負荷", "與同事相處", "通勤", "記不住工作流程", "被問到病史")
LEAVE_REASONS: Final = ("體力無法負荷", "公司歇業", "與主管溝通不良", "住院治療", "家人生病需要照顧")
PAST_JOBS: Final = ("餐廳", "工廠", "超市", "便利商店", "清潔公司", "物流倉庫")
ATTEMPT_NOTES: Final = ("電話無人接聽", "手機關機", "已留言請案主回電", "號碼已停用", "家屬表示案主外出未歸")
ASSESSMENT: Final[dict[str, tuple[str, ...]]] = {
    "work_ability": (
        "可獨立完成簡單重複性工作，持續站立約兩小時需休息。",
        "電腦文書操作熟練，打字速度每分鐘約三十字。",
        "理解口語指令無困難，多步驟工作需示範及提示卡。",
    ),
    "vocational_interest": ("對清潔、整理類工作有興趣。", "希望從事餐飲內場工作。", "偏好與電腦相關的行政工作。"),
    "support_needs": (
        "初期需就服員密集輔導，協助熟悉工作流程與人際互動。",
        "需協助規劃通勤路線及交通補助申請。",
        "需職務再設計評估工作檯高度與輔具。",
    ),
    "family_support": ("家屬支持就業，可協助接送。", "獨居，家人住外縣市，支持有限。", "家屬擔心工作壓力，態度保留。"),
}
ASSESSMENT_METHODS: Final = ("晤談", "觀察", "家訪", "標準化測驗", "資料蒐集", "職業輔導評量")
# Goals per plan part; a goal that names a service is used only when the plan holds that service.
GOALS: Final[dict[str, tuple[str, ...]]] = {
    "pre_employment": ("建立規律作息，每週外出活動至少三次", "完成履歷與面試準備"),
    "matching_support": ("三個月內媒合{job}職缺", "半年內進入{job}職場工作"),
    "post_employment": ("穩定就業三個月以上", "獨立完成每日工作項目", "建立與主管、同事的溝通管道"),
}
GOALS_BY_SERVICE: Final[dict[str, str]] = {
    "vocational_evaluation": "完成職業輔導評量，釐清職業方向",
    "supported_employment": "進入支持性就業職場並完成兩週密集輔導",
    "vocational_training": "取得職業訓練結訓證明",
    "sheltered_employment": "進入庇護工場並穩定出勤",
    "job_redesign": "完成職務再設計，改善工作環境",
}
REVISION_REASONS: Final = (
    "原訂三個月內就業之目標未達成，案主健康狀況變化，調整計畫期程。",
    "職業輔導評量結果建議改以庇護性就業為目標，修訂計畫內容。",
    "案主改變職業目標，希望先參加職業訓練，重新擬定計畫。",
)
SERVICE_DECLINES: Final = (
    "本單位服務名額已滿，建議轉介其他單位。",
    "案主居住地超出本單位服務區域。",
    "評估案主目前狀況不適合本單位服務模式。",
    "案主無法配合服務時段。",
)
JOB_DECLINES: Final = ("雇主已另聘他人。", "案主面試後認為通勤時間過長。", "薪資條件與案主期待不符。")
FOLLOW_UP_NOTES: Final = (
    "已與受案單位確認案主出席情形良好。",
    "受案單位回報案主已完成初評，持續服務中。",
    "追蹤結果：案主已開始接受服務，適應情形尚可。",
)
TRANSFER_REASONS: Final = ("原職管員離職，個案移轉。", "轄區調整，依居住地重新分派。", "工作量調整，平均分案。")

# --- employment ---------------------------------------------------------------------------------------------------

EMPLOYER_WORDS: Final = ("大成", "福興", "順發", "新光明", "永信", "佳美", "宏達", "全興", "日昇", "合作",
                         "安心", "綠野", "金福", "華新", "東和", "美好")  # fmt: skip
EMPLOYER_KINDS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("{w}清潔有限公司", ("清潔員", "環境整理員")),
    ("{w}物流股份有限公司", ("倉儲撿貨員", "包裝作業員")),
    ("{w}餐飲有限公司", ("餐廳內場助理", "洗碗員", "外場服務員")),
    ("{w}超市{c}店", ("理貨員", "門市服務人員")),
    ("{w}食品工業股份有限公司", ("生產線作業員", "包裝作業員")),
    ("{c}{w}醫院", ("病歷整理員", "傳送員", "清潔員")),
    ("{w}烘焙坊", ("烘焙助理",)),
    ("{w}資訊股份有限公司", ("資料建檔員", "客服人員")),
    ("{w}按摩工作室", ("按摩師",)),
    ("{w}園藝有限公司", ("園藝工",)),
)
JOB_END_REASONS: Final = ("契約期滿。", "案主自覺體力無法負荷而離職。", "雇主歇業。", "與同事相處不睦，自行離職。")

CLOSURE_SUMMARIES: Final[dict[str, str]] = {
    "stable_employment_3m": "案主於{employer}擔任{job}已逾三個月，工作穩定，雇主滿意，依穩定就業結案。",
    "plan_goal_achieved": "服務計畫目標均已達成，案主可自行面對工作與生活安排，結案。",
    "declined_service": "案主表示不需要後續服務，經說明後仍決定停止服務，結案。",
    "unable_to_cooperate": "案主多次未依約出席，經討論仍無法配合服務進行，結案。",
    "lost_contact": "多次以電話、簡訊及家訪聯繫均未果，依失聯結案。",
    "referred_or_not_ready": "評估案主目前暫不適合就業，已轉介{unit}持續服務，結案。",
    "needs_non_vr_resources": "案主需先接受醫療及社政資源協助，已轉介{unit}，結案。",
    "entered_training": "案主已錄取職業訓練班並開始上課，結案。",
    "moved_away": "案主遷居外縣市，已告知當地服務窗口，結案。",
    "deceased": "案主因病過世，家屬告知後結案。",
    "other": "案主家庭因素需長期照顧家人，暫停就業規劃，結案。",
}
# ICD-10-CM codes that go with each certificate category (optional on the certificate; a sample for realism).
ICD_BY_CATEGORY: Final[dict[str, tuple[str, ...]]] = {
    "icf_1": ("F20.9", "F70", "F84.0", "F31.9", "G40.909"),
    "icf_2": ("H54.0", "H90.3", "H54.2"),
    "icf_3": ("R47.89",),
    "icf_4": ("I50.9", "J44.9"),
    "icf_5": ("K91.2",),
    "icf_6": ("N18.6",),
    "icf_7": ("G80.9", "S14.109A", "I69.351", "M05.79"),
    "icf_8": ("L90.5",),
}

# --- how common things are (shares in per cent, or relative weights) ----------------------------------------------

SOURCE_WEIGHTS: Final[dict[str, dict[str, float]]] = {
    "vr": {"education": 12, "social_welfare": 15, "health": 15, "labour": 10, "self": 30, "parent_guardian": 13,
           "other": 5},
    # Supported employment mostly takes cases dispatched (派案) by the VR window.
    "supported_employment": {"labour": 50, "self": 20, "parent_guardian": 15, "social_welfare": 8, "health": 7},
    "employment_service": {"self": 55, "labour": 25, "social_welfare": 15, "other": 5},
}  # fmt: skip
EDUCATION_WEIGHTS: Final = {
    "illiterate": 1, "self_taught": 1, "primary": 4, "primary_special": 1, "junior_high": 12,
    "junior_high_special": 4, "senior_high": 35, "senior_high_special": 10, "junior_college": 8, "university": 20,
    "masters_or_above": 4,
}  # fmt: skip
NEW_SYSTEM_WEIGHTS: Final = {"icf_1": 45, "icf_7": 25, "icf_2": 12, "icf_4": 4, "icf_6": 4, "icf_5": 3, "icf_3": 3,
                             "icf_8": 2}  # fmt: skip
OLD_SYSTEM_WEIGHTS: Final = {"old_chronic_mental": 25, "old_intellectual": 25, "old_limb": 25, "old_hearing": 8,
                             "old_visual": 8, "old_autism": 5, "old_multiple": 4}  # fmt: skip
SEVERITY_WEIGHTS: Final = {"mild": 40, "moderate": 35, "severe": 20, "profound": 5}
ECONOMY_WEIGHTS: Final = {"general": 70, "lower_middle_income": 12, "low_income": 10, "not_disclosed": 8}
TRIBES_BY_COUNTY: Final = {"HUA": ("amis", "truku", "bunun"), "TTT": ("amis", "puyuma", "paiwan", "bunun"),
                           "PIF": ("paiwan", "rukai"), "NAN": ("bunun", "atayal", "thao")}  # fmt: skip
OTHER_TRIBES: Final = ("amis", "atayal", "paiwan")
# The main 就業媒合與就業支持 service of a plan, by programme.
MATCHING_WEIGHTS: Final[dict[str, dict[str, float]]] = {
    "vr": {"supported_employment": 40, "vocational_training": 25, "workplace_learning": 15,
           "sheltered_employment": 10, "home_based_employment": 5, "entrepreneurship": 5},
    "supported_employment": {"supported_employment": 1},
    "employment_service": {"vocational_training": 40, "job_shadowing": 40, "workplace_learning": 20},
}  # fmt: skip
VR_PRE_EMPLOYMENT: Final = ("career_counselling", "vocational_evaluation", "pre_employment_preparation",
                             "job_shadowing")  # fmt: skip
# Services whose hours count against the 002 附件三 caps (30 h counselling per client).
COUNSELLING_KINDS: Final = frozenset({"career_counselling", "pre_employment_preparation", "employment_stabilisation"})

# --- builders -----------------------------------------------------------------------------------------------------

_SURNAME_LIST: Final = tuple(name for name, _ in SURNAMES)
_SURNAME_CUMULATIVE: Final = tuple(accumulate(share for _, share in SURNAMES))


def surname(rng: random.Random) -> str:
    return rng.choices(_SURNAME_LIST, cum_weights=_SURNAME_CUMULATIVE)[0]


def person_name(rng: random.Random, style: str, male: bool, born: int) -> str:
    """A Taiwanese name in one of the NAME_STYLE_WEIGHTS styles; older people get names of their generation."""
    family = rng.choice(COMPOUND_SURNAMES) if style == "compound" else surname(rng)
    pool = MALE_CHARS if male else FEMALE_CHARS
    if style == "single":
        return family + rng.choice(pool)
    if style in ("rare", "non_bmp"):
        rare = rng.choice(RARE_NON_BMP_CHARS if style == "non_bmp" else RARE_BMP_CHARS)
        other = rng.choice(pool)
        return family + (rare + other if rng.random() < 0.5 else other + rare)
    if born < 1975 and rng.random() < 0.6:
        return family + rng.choice(MALE_OLDER if male else FEMALE_OLDER)
    return family + "".join(rng.sample(pool, 2))


def new_resident_name(rng: random.Random, male: bool) -> str:
    return rng.choice(NEW_RESIDENT_SURNAMES) + ("文" if male else "氏") + rng.choice(NEW_RESIDENT_GIVEN)


def mobile(rng: random.Random) -> str:
    """A mobile number in the canonical form the app stores (validate_phone's output)."""
    return validate_phone(rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**6):06d}")


def landline(rng: random.Random, county: str) -> str:
    area, length, firsts = LANDLINES.get(county, ("02", 8, "2"))
    return validate_phone(area + rng.choice(firsts) + f"{rng.randrange(10 ** (length - 1)):0{length - 1}d}")


def street(rng: random.Random) -> str:
    section = f"{'一二三四五'[rng.randrange(5)]}段" if rng.random() < 0.3 else ""
    lane = f"{rng.randint(1, 300)}巷" if rng.random() < 0.4 else ""
    floor = f"{rng.randint(2, 12)}樓" if rng.random() < 0.5 else ""
    return f"{rng.choice(STREETS)}{section}{lane}{rng.randint(1, 400)}號{floor}"


def address(rng: random.Random, township: str) -> str:
    """The part after county and township (those are fields of their own); rural addresses often go by 村/鄰."""
    if township.endswith(("鄉", "鎮")) and rng.random() < 0.5:
        return f"{rng.choice(VILLAGES)}{rng.randint(1, 20)}鄰{street(rng)}"
    return street(rng)


def unit_name(rng: random.Random, pattern: str, county: str) -> str:
    """An organisation's name from a UNIT_PATTERNS or REFERRING_UNITS pattern, in `county` (its name in Chinese)."""
    return pattern.format(c=county, w=rng.choice(UNIT_WORDS))


def employer_name(rng: random.Random, pattern: str, county: str) -> str:
    """An employer's name from an EMPLOYER_KINDS pattern; a branch is named after `county` without 縣/市."""
    return pattern.format(w=rng.choice(EMPLOYER_WORDS), c=county[:-1])
