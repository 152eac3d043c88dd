"""Written queries for retrieval tests and the fusion measurement (docs/index.md).

PARAPHRASES: one hand-written paraphrase per real corpus table (13), each expected to find that
table first. They avoid copying the table name; a few keep a distinctive word (拆违, 兰溪路),
as a user would.
"""

PARAPHRASES: dict[str, str] = {
    "000_0a362c379c5850c5-1": "天津燃气供热站的安全应急检查",
    "000_0a362c379c5850c5-2": "2025年对燃气经营企业设施运行安全的行业监督检查",
    "000_0a362c379c5850c5-3": "供热监管信息平台在采暖季的运维服务",
    "000_0a362c379c5850c5-4": "燃气报装业务系统的运行维护",
    "000_0a362c379c5850c5-5": "用债券资金建设城镇燃气智慧监管系统",
    "000_0a362c379c5850c5-6": "支付2024年燃气设施安全监督检查技术服务合同的尾款",
    "000_0a362c379c5850c5-7": "结清2024年供热站安全工作检查服务合同的尾款",
    "003_e87aba6a1a806e89-1": "生态环境部门信息网络和设备系统的日常运维",
    "003_e87aba6a1a806e89-2": "美丽天津生态城市的宣传和能力提升",
    "003_e87aba6a1a806e89-3": "突发环境事件应急处置和事故调查",
    "003_e87aba6a1a806e89-4": "更换升级生态环境部门老旧的网络设备",
    "shanghai_putuo_2026_chengguan_chaiwei-1": "拆除违法建筑的经费",
    "shanghai_putuo_2026_jianguanwei_lanxilu-1": "兰溪路与真南路路口下立交的建设工程",
}

# Indicator queries with the 二级 slot whose rows should dominate the top 5.
INDICATOR_QUERIES: dict[str, str] = {
    "满意度指标通常定多少": "服务对象满意度指标",
    "检查了多少家企业": "数量指标",
    "问题整改反馈要多长时间": "时效指标",
    "成本控制在预算以内": "成本指标",
    "系统运行稳定率": "质量指标",
}
