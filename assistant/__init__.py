"""绩效目标助手: drafting assistant for 项目支出绩效目标表."""
