"""Attribution: cues, content, the strategies that tie content to a speaker, assembly into statements."""
