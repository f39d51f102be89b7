"""Fixed ingredients of the sample territory: names, places and products.

The random parts (beds, volumes, people) are drawn in :mod:`course.data.generate`;
everything a reader would want to recognise from one run to the next lives here.
"""

from __future__ import annotations

from datetime import date

CITY_ZH = "江城市"
CITY_EN = "Jiangcheng"

DISTRICTS: dict[str, tuple[str, float, float]] = {
    # Chinese name: (English name, centre x km, centre y km)
    "老城区": ("Laocheng", 0.0, 0.0),
    "江北区": ("Jiangbei", 2.0, 8.5),
    "江南区": ("Jiangnan", 1.0, -7.5),
    "高新区": ("Gaoxin", 12.0, 3.0),
    "滨江区": ("Binjiang", -9.5, -3.0),
    "东湖区": ("Donghu", 9.5, -9.0),
    "西山区": ("Xishan", -12.0, 8.0),
}
"""The city's districts with the position of their centre."""

# (Chinese name, English name, district, grade, kind); kind: teaching, general, cancer, chest,
# district, staff, private, tcm, community, township
HOSPITALS: tuple[tuple[str, str, str, str, str], ...] = (
    ("江城医科大学附属第一医院", "First Affiliated Hospital of Jiangcheng Medical University", "老城区", "三级甲等", "teaching"),
    ("江城市第一人民医院", "Jiangcheng First People's Hospital", "江北区", "三级甲等", "teaching"),
    ("江城医科大学附属第二医院", "Second Affiliated Hospital of Jiangcheng Medical University", "江南区", "三级甲等", "teaching"),
    ("江城市中心医院", "Jiangcheng Central Hospital", "高新区", "三级甲等", "teaching"),
    ("江城市第二人民医院", "Jiangcheng Second People's Hospital", "江南区", "三级乙等", "general"),
    ("江城市第三人民医院", "Jiangcheng Third People's Hospital", "滨江区", "三级乙等", "general"),
    ("江城市中西医结合医院", "Jiangcheng Hospital of Integrated Chinese and Western Medicine", "老城区", "三级乙等", "general"),
    ("江城市肿瘤医院", "Jiangcheng Cancer Hospital", "东湖区", "三级乙等", "cancer"),
    ("江城市胸科医院", "Jiangcheng Chest Hospital", "西山区", "三级乙等", "chest"),
    ("江北区人民医院", "Jiangbei District People's Hospital", "江北区", "二级甲等", "district"),
    ("江南区人民医院", "Jiangnan District People's Hospital", "江南区", "二级甲等", "district"),
    ("老城区人民医院", "Laocheng District People's Hospital", "老城区", "二级甲等", "district"),
    ("高新区人民医院", "Gaoxin District People's Hospital", "高新区", "二级甲等", "district"),
    ("滨江区人民医院", "Binjiang District People's Hospital", "滨江区", "二级甲等", "district"),
    ("东湖区人民医院", "Donghu District People's Hospital", "东湖区", "二级甲等", "district"),
    ("西山区人民医院", "Xishan District People's Hospital", "西山区", "二级甲等", "district"),
    ("江城市第四人民医院", "Jiangcheng Fourth People's Hospital", "江北区", "二级甲等", "district"),
    ("江城钢铁公司职工医院", "Jiangcheng Iron and Steel Company Staff Hospital", "西山区", "二级甲等", "staff"),
    ("江城市铁路医院", "Jiangcheng Railway Hospital", "江北区", "二级甲等", "staff"),
    ("江北区中医医院", "Jiangbei District Hospital of Traditional Chinese Medicine", "江北区", "二级乙等", "tcm"),
    ("江南区第二人民医院", "Jiangnan District Second People's Hospital", "江南区", "二级乙等", "district"),
    ("江城仁爱医院", "Jiangcheng Ren'ai Hospital", "高新区", "二级乙等", "private"),
    ("江城博爱医院", "Jiangcheng Bo'ai Hospital", "东湖区", "二级乙等", "private"),
    ("滨江区第二人民医院", "Binjiang District Second People's Hospital", "滨江区", "二级乙等", "district"),
    ("东湖区中医医院", "Donghu District Hospital of Traditional Chinese Medicine", "东湖区", "二级乙等", "tcm"),
    ("江城纺织厂职工医院", "Jiangcheng Textile Mill Staff Hospital", "滨江区", "二级丙等", "staff"),
    ("老城区解放路街道社区卫生服务中心", "Jiefang Road Community Health Service Centre", "老城区", "一级甲等", "community"),
    ("老城区人民路街道社区卫生服务中心", "Renmin Road Community Health Service Centre", "老城区", "一级甲等", "community"),
    ("江北区长江路街道社区卫生服务中心", "Changjiang Road Community Health Service Centre", "江北区", "一级甲等", "community"),
    ("江北区和平街道社区卫生服务中心", "Heping Community Health Service Centre", "江北区", "一级甲等", "community"),
    ("江南区中山路街道社区卫生服务中心", "Zhongshan Road Community Health Service Centre", "江南区", "一级甲等", "community"),
    ("江南区新华街道社区卫生服务中心", "Xinhua Community Health Service Centre", "江南区", "一级甲等", "community"),
    ("高新区科技城社区卫生服务中心", "Science City Community Health Service Centre", "高新区", "一级甲等", "community"),
    ("滨江区滨河街道社区卫生服务中心", "Binhe Community Health Service Centre", "滨江区", "一级甲等", "community"),
    ("东湖区东湖街道社区卫生服务中心", "Donghu Community Health Service Centre", "东湖区", "一级甲等", "community"),
    ("西山区建设路街道社区卫生服务中心", "Jianshe Road Community Health Service Centre", "西山区", "一级甲等", "community"),
    ("西山区青山镇卫生院", "Qingshan Town Health Centre", "西山区", "一级乙等", "township"),
    ("东湖区湖口镇卫生院", "Hukou Town Health Centre", "东湖区", "一级乙等", "township"),
    ("江北区白沙镇卫生院", "Baisha Town Health Centre", "江北区", "一级乙等", "township"),
    ("滨江区石桥镇卫生院", "Shiqiao Town Health Centre", "滨江区", "一级乙等", "township"),
)
"""Every hospital of the territory, best grade first."""

SPECIALTY_INFO: dict[str, tuple[str, str, str, float]] = {
    # specialty: (code, Chinese department, English department, indication share of its patients)
    "cardiology": ("CAR", "心内科", "Cardiology", 0.35),
    "endocrinology": ("END", "内分泌科", "Endocrinology", 0.50),
    "neurology": ("NEU", "神经内科", "Neurology", 0.25),
    "respiratory": ("RES", "呼吸内科", "Respiratory Medicine", 0.30),
    "oncology": ("ONC", "肿瘤科", "Oncology", 0.20),
    "gastroenterology": ("GAS", "消化内科", "Gastroenterology", 0.06),
    "nephrology": ("NEP", "肾内科", "Nephrology", 0.10),
    "general_medicine": ("GEN", "全科医学科", "General Practice", 0.40),
}
"""Department code, names and the share of its patients with an indication of our products."""

# share of a hospital's doctors, beds and outpatients in each department
SPECIALTY_SHARE: dict[str, float] = {
    "cardiology": 0.07, "endocrinology": 0.04, "neurology": 0.05, "respiratory": 0.05,
    "oncology": 0.05, "gastroenterology": 0.05, "nephrology": 0.03, "general_medicine": 0.03,
}

# (code, Chinese, English, specialty, launch year, price RMB/box, market growth, relative share,
#  last year's national sales M RMB, boxes a treated patient uses a month, indication,
#  monthly trend of the city's sales over the six months)
PRODUCTS: tuple[tuple[str, str, str, str, int, float, float, float, float, float, str, float], ...] = (
    ("CARDIA", "瑞心平", "Cardiavel", "cardiology", 2006, 38.5, 0.04, 1.80, 620.0, 2.0, "hypertension", 0.003),
    ("GLYCO", "糖安喜", "Glycoren", "endocrinology", 2016, 126.0, 0.16, 1.35, 410.0, 2.0, "type 2 diabetes", 0.015),
    ("NEURA", "脑络清", "Neuravit", "neurology", 2003, 58.0, 0.03, 0.55, 95.0, 3.0, "ischaemic stroke", -0.008),
    ("RESPI", "畅息达", "Respirol", "respiratory", 2021, 168.0, 0.14, 0.45, 120.0, 1.0, "COPD", 0.030),
    ("ONCO", "安瘤康", "Oncovance", "oncology", 2023, 2680.0, 0.22, 0.30, 160.0, 1.0, "lung cancer", 0.045),
)
"""The portfolio: one product per main specialty, one or more in each BCG quadrant."""

# products a department prescribes: its own specialty's, and general practice manages
# hypertension and diabetes (分级诊疗: chronic disease in primary care)
SPECIALTY_PRODUCTS: dict[str, tuple[str, ...]] = {
    "cardiology": ("CARDIA",), "endocrinology": ("GLYCO",), "neurology": ("NEURA",),
    "respiratory": ("RESPI",), "oncology": ("ONCO",), "general_medicine": ("CARDIA", "GLYCO"),
}
# indication share of a general practitioner's patients for each product
GP_INDICATION: dict[str, float] = {"CARDIA": 0.28, "GLYCO": 0.14}

# chance that a hospital has listed the product (进药), by grade class 3/2/1
LISTING: dict[str, tuple[float, float, float, float]] = {
    # 三甲, 三乙, 二级, 一级
    "CARDIA": (1.0, 1.0, 0.9, 0.8),
    "GLYCO": (1.0, 0.9, 0.7, 0.5),
    "NEURA": (0.9, 0.8, 0.6, 0.3),
    "RESPI": (0.75, 0.6, 0.4, 0.2),
    "ONCO": (0.75, 0.5, 0.2, 0.0),
}

SURNAMES: dict[str, tuple[str, float]] = {
    # surname: (pinyin, share of the population in %), the most common Chinese surnames
    "王": ("Wang", 7.1), "李": ("Li", 7.0), "张": ("Zhang", 6.8), "刘": ("Liu", 5.4),
    "陈": ("Chen", 4.6), "杨": ("Yang", 3.1), "黄": ("Huang", 2.5), "赵": ("Zhao", 2.3),
    "吴": ("Wu", 2.0), "周": ("Zhou", 1.9), "徐": ("Xu", 1.6), "孙": ("Sun", 1.5),
    "马": ("Ma", 1.5), "朱": ("Zhu", 1.3), "胡": ("Hu", 1.3), "郭": ("Guo", 1.2),
    "何": ("He", 1.2), "林": ("Lin", 1.1), "高": ("Gao", 1.1), "罗": ("Luo", 1.0),
    "郑": ("Zheng", 1.0), "梁": ("Liang", 0.9), "谢": ("Xie", 0.8), "宋": ("Song", 0.7),
    "唐": ("Tang", 0.7), "许": ("Xu", 0.7), "韩": ("Han", 0.7), "冯": ("Feng", 0.7),
    "邓": ("Deng", 0.7), "曹": ("Cao", 0.6), "彭": ("Peng", 0.6), "曾": ("Zeng", 0.6),
    "肖": ("Xiao", 0.6), "田": ("Tian", 0.5), "董": ("Dong", 0.5), "袁": ("Yuan", 0.5),
    "潘": ("Pan", 0.5), "于": ("Yu", 0.5), "蒋": ("Jiang", 0.5), "蔡": ("Cai", 0.5),
    "余": ("Yu", 0.5), "杜": ("Du", 0.5), "叶": ("Ye", 0.4), "程": ("Cheng", 0.4),
    "苏": ("Su", 0.4), "魏": ("Wei", 0.4), "丁": ("Ding", 0.4), "任": ("Ren", 0.4),
    "沈": ("Shen", 0.4), "姚": ("Yao", 0.4), "卢": ("Lu", 0.4), "姜": ("Jiang", 0.4),
    "崔": ("Cui", 0.3), "钟": ("Zhong", 0.3), "谭": ("Tan", 0.3), "陆": ("Lu", 0.3),
    "汪": ("Wang", 0.3), "范": ("Fan", 0.3), "金": ("Jin", 0.3), "石": ("Shi", 0.3),
    "廖": ("Liao", 0.3), "贾": ("Jia", 0.3), "夏": ("Xia", 0.3), "韦": ("Wei", 0.3),
    "方": ("Fang", 0.3), "白": ("Bai", 0.2), "邹": ("Zou", 0.2), "孟": ("Meng", 0.2),
    "熊": ("Xiong", 0.2), "秦": ("Qin", 0.2), "邱": ("Qiu", 0.2), "江": ("Jiang", 0.2),
    "尹": ("Yin", 0.2), "薛": ("Xue", 0.2), "段": ("Duan", 0.2), "雷": ("Lei", 0.2),
    "侯": ("Hou", 0.2), "龙": ("Long", 0.2), "史": ("Shi", 0.2), "陶": ("Tao", 0.2),
    "黎": ("Li", 0.2), "贺": ("He", 0.2), "顾": ("Gu", 0.2), "毛": ("Mao", 0.2),
    "郝": ("Hao", 0.2), "龚": ("Gong", 0.2), "邵": ("Shao", 0.2), "万": ("Wan", 0.2),
    "钱": ("Qian", 0.2), "严": ("Yan", 0.2), "武": ("Wu", 0.2), "戴": ("Dai", 0.2),
}
"""Common surnames with their pinyin and approximate share of the population."""

GIVEN: dict[str, str] = {
    # characters of given names and their pinyin (none starts with a vowel, so no apostrophes)
    "伟": "wei", "芳": "fang", "娜": "na", "敏": "min", "静": "jing", "丽": "li", "强": "qiang",
    "磊": "lei", "军": "jun", "洋": "yang", "勇": "yong", "艳": "yan", "杰": "jie", "娟": "juan",
    "涛": "tao", "明": "ming", "超": "chao", "秀": "xiu", "霞": "xia", "平": "ping", "刚": "gang",
    "桂": "gui", "华": "hua", "建": "jian", "国": "guo", "文": "wen", "辉": "hui", "玲": "ling",
    "红": "hong", "斌": "bin", "宇": "yu", "浩": "hao", "凯": "kai", "鹏": "peng", "晨": "chen",
    "欣": "xin", "雪": "xue", "琳": "lin", "婷": "ting", "慧": "hui", "颖": "ying", "晓": "xiao",
    "志": "zhi", "海": "hai", "波": "bo", "峰": "feng", "亮": "liang", "宏": "hong", "成": "cheng",
    "东": "dong", "新": "xin", "春": "chun", "云": "yun", "梅": "mei", "兰": "lan", "佳": "jia",
    "思": "si", "嘉": "jia", "子": "zi", "立": "li", "俊": "jun", "健": "jian", "林": "lin",
    "倩": "qian", "丹": "dan", "晶": "jing", "琴": "qin", "飞": "fei", "鑫": "xin", "博": "bo",
    "振": "zhen", "德": "de", "贵": "gui", "淑": "shu", "萍": "ping", "卫": "wei", "荣": "rong",
}
"""Characters used in given names, with their pinyin."""

HOLIDAYS: tuple[date, ...] = (
    # weekdays off in the six months (Labour Day, Dragon Boat, Mid-Autumn, National Day)
    date(2026, 5, 1), date(2026, 5, 4), date(2026, 5, 5), date(2026, 6, 19), date(2026, 9, 25),
    date(2026, 10, 1), date(2026, 10, 2), date(2026, 10, 5), date(2026, 10, 6), date(2026, 10, 7),
)
"""Public holidays falling on weekdays in May-October 2026."""

FIRST_MONTH = date(2026, 5, 1)
MONTHS = 6
TIMELOG_START = date(2026, 10, 19)
"""First Monday of the rep's two-week time log (the last two weeks of the call history)."""
REP_HOME = (1.5, 2.0)
"""Where the rep starts and ends the day (km)."""
