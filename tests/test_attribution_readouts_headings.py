"""Attribution cases of the eighth session of 2026-12-07: UN speeches under headings of many styles, and
Chinese readouts (joint positions after a narrated act, foreign names given bare, spouses, letters sent by
bodies, recalled speeches, narrated answers). Each is a short excerpt of an odd record of ../shared (the
development partition; the headings of the UN speeches are written in styles users save them with) and
fails without its fix."""
from analysis.extract.build import document_statements
from analysis.ingest.discover import Meta


def rows(text, doc_id="t", **meta):
    return [(r["section"], r["speaker"]) for r in document_statements(text, doc_id, Meta(**meta))]


def body(text, doc_id="t", **meta):
    return [s for sec, s in rows(text, doc_id, **meta) if sec == "body"]


# ---------------------------------------------------------------- UN General Debate speeches, headed
CIV = ("I would first like to express my condolences to the Mexican Government and people after the earthquake.\n"
       "I wish to express the gratitude of the Ivorian people for the great mobilization of countries gathered "
       "here.\n")
SOM = ("It is an honour for me to be \nhere today, as this it is my first time addressing this \nesteemed and "
       "respected body, the General Assembly, \nas President of Somalia. First, let me congratulate the \n"
       "President of the General Assembly at its sixty-eighth \nsession. \n")


def test_a_heading_of_a_country_line_a_statement_line_and_a_place_and_date():
    # ungdc odd line, CIV 2017: "Côte d’Ivoire" is a heading line (an article before a capital is part of
    # the name), "New York, 25 September 2017" front matter; before, the heading was read as body and the
    # speech was the narrator's
    got = rows("Côte d’Ivoire\nStatement by Alassane Ouattara, President\nNew York, 25 September 2017\n\n" + CIV)
    assert got == [("front_matter", "narrator")] * 3 + [("body", "Alassane Ouattara")] * 2


def test_headings_made_of_parts_joined_by_dashes_or_bars():
    assert set(body("Somalia — Hassan Sheikh Mohamud — President — 2013\n\n" + SOM)) == {"Hassan Sheikh Mohamud"}
    assert set(body("Somalia - Hassan Sheikh Mohamud, President - UNGA 68\n\n" + SOM)) == {"Hassan Sheikh Mohamud"}
    assert set(body("General Debate 2013 | Somalia | Hassan Sheikh Mohamud, President\n\n" + SOM)) == \
        {"Hassan Sheikh Mohamud"}
    assert set(body("Hassan Sheikh Mohamud (Somalia) - President\n\n" + SOM)) == {"Hassan Sheikh Mohamud"}


def test_headings_that_say_what_the_speech_is_before_its_speaker():
    assert set(body("## Statement of Somalia by Hassan Sheikh Mohamud, President\n\n" + SOM, "t.md")) == \
        {"Hassan Sheikh Mohamud"}
    # an office before the name and the state after it: "of Somalia" ends the name
    assert set(body("Address by President Hassan Sheikh Mohamud of Somalia to the General Assembly\n\n" + SOM)) == \
        {"Hassan Sheikh Mohamud"}
    assert set(body("President Hassan Sheikh Mohamud (Somalia) addresses the General Debate of the 68th session"
                    "\n\n" + SOM)) == {"Hassan Sheikh Mohamud"}


def test_a_name_line_with_an_honorific_then_its_post_and_the_session():
    got = rows("H.E. Hassan Sheikh Mohamud\nPresident of Somalia\nGeneral Debate of the 68th Session, New York, 2013"
               "\n\n" + SOM)
    assert got[:3] == [("front_matter", "narrator")] * 3
    assert {s for sec, s in got if sec == "body"} == {"Hassan Sheikh Mohamud"}


def test_a_news_headline_with_parts_is_no_speech_heading():
    # two names, or a verb of news: not a speaker's heading
    text = ("Somalia — Hassan Sheikh Mohamud meets Antonio Guterres — 2013\n\n"
            "The President of Somalia met the Secretary-General in New York on Tuesday.\n")
    assert set(body(text)) == {"narrator"}


# ---------------------------------------------------------------- Chinese readouts (CCTV 新闻联播, odd items)
def test_a_joint_position_after_the_two_sides_narrated_act():
    # items.jsonl odd items: "两国元首还就乌克兰危机等问题交换意见，认为……" and "……交换了意见，表示……": the
    # sides' act, then their joint position (guidelines: 双方一致认为 -> both sides); inside a speech,
    # "双方要……，反对……" stays the speaker's
    text = ("# 习近平同印度尼西亚总统会谈\n\n国家主席习近平同印度尼西亚总统佐科举行会谈。\n\n"
            "两国元首还就乌克兰危机等问题交换意见，认为国际社会应该为劝和促谈创造条件。\n\n"
            "习近平指出，双方要坚定支持彼此选择的发展道路，反对外部势力干涉内政。\n\n"
            "双方签署了合作文件，习近平表示，很高兴。\n")
    assert body(text) == ["narrator", "both sides", "Xi Jinping", "narrator"]


def test_a_foreign_name_given_bare_opens_its_speech():
    # items.jsonl odd line 845 (2023-05-18), the lead cut: "托卡耶夫表示" with no title before; inside
    # another's speech a state's short name ("哈方", "埃塞") is no new speaker
    text = ("# 习近平同哈萨克斯坦总统会谈\n\n"
            "习近平指出，中方愿同包括哈萨克斯坦在内的中亚各国群策群力。\n\n"
            "托卡耶夫表示，很高兴应邀来到西安出席中国－中亚峰会并对中国进行国事访问。哈方愿同中方一道，推动合作。\n\n"
            "莫斯科表示，将作出回应。\n")
    assert body(text) == ["Xi Jinping", "托卡耶夫", "托卡耶夫", "narrator"]


def test_a_title_the_registry_lacks_before_a_foreign_name():
    # the odd item of 2023-09-26: "美国前财长鲍尔森"; before, his words went on as Han Zheng's
    text = ("# 韩正会见美国前财长\n\n**央视网消息**（新闻联播）：9月26日，国家副主席韩正在北京会见美国前财长鲍尔森。\n\n"
            "韩正表示，中美关系是当今世界最重要的双边关系。\n\n"
            "鲍尔森表示，我对中国经济发展前景抱有信心。美中关系对世界具有重要影响。\n")
    assert body(text) == ["narrator", "Han Zheng", "鲍尔森", "鲍尔森"]


def test_a_spouse_is_not_the_person_named_before_the_title():
    text = ("# 彭丽媛邀请外方领导人夫人参观\n\n"
            "10月18日上午，国家主席习近平夫人彭丽媛邀请出席高峰论坛的外方领导人夫人参观中国工艺美术馆。\n\n"
            "彭丽媛表示，文化是共建“一带一路”国家团结合作的精神纽带。文化因交流而多彩。\n\n"
            "马克龙夫人表示，很高兴来到中国。\n")
    assert body(text) == ["narrator", "彭丽媛", "彭丽媛", "马克龙夫人"]


def test_a_time_frame_before_we_goes_on_with_the_speech():
    text = ("# 习近平出席高峰论坛开幕式\n\n习近平指出，今年是我提出共建“一带一路”倡议10周年。\n\n"
            "10年来，我们坚守初心、携手同行，推动“一带一路”国际合作从无到有。合作从亚欧大陆延伸到非洲和拉美。\n")
    assert body(text) == ["Xi Jinping"] * 3


def test_a_bodys_message_printed_after_its_narration_is_the_bodys():
    # items.jsonl odd line 123 (2022-03-13), cut: the message addresses its recipients with no cue
    text = ("# 中共中央 国务院致北京第13届冬残奥会中国体育代表团的贺电\n\n"
            "**央视网消息**（新闻联播）：中共中央、国务院3月13日向北京第13届冬残奥会中国体育代表团致贺电。\n\n"
            "在北京第13届冬残奥会上，中国体育代表团奋勇争先。党中央、国务院向你们表示热烈的祝贺和亲切的慰问！\n\n"
            "祖国和人民为你们感到骄傲和自豪！\n")
    got = [(r["speaker"], r["side"]) for r in document_statements(text, "t", Meta()) if r["section"] == "body"]
    assert got == [("narrator", "none")] + [("中共中央、国务院", "CN")] * 3
    # a person's letter is quoted with a cue; the report after it is the narrator's
    xi = ("# 习近平致信祝贺\n\n习近平致贺信。\n\n贺信指出，希望你们再接再厉。\n\n会议由中国法学会主办，你们的代表出席。\n")
    assert body(xi) == ["narrator", "Xi Jinping", "narrator"]


def test_a_speech_another_gave_recalled_inside_a_speech():
    # a day file built from odd items of 2023-10-18: Ding Xuexiang recalls Xi's keynote to his guest
    text = ("# 丁薛祥会见土库曼斯坦民族领袖\n\n"
            "丁薛祥表示，在两国最高领导人的引领推动下，中土关系稳定前行。习近平主席在第三届“一带一路”国际合作高峰论坛"
            "开幕式上发表主旨演讲，宣布中国支持高质量共建“一带一路”的八项行动，为中土加强互利合作提供了新机遇。\n")
    assert body(text) == ["Ding Xuexiang"] * 2


def test_answers_and_welcome_speeches_narrated_without_their_words():
    text = ("# 李强会见中外记者\n\n**央视网消息**（新闻联播）：今天上午，国务院总理李强在人民大会堂会见中外记者并回答提问。\n\n"
            "李强还就疫情防控、两岸关系等问题回答了中外记者提问。\n\n习近平首先致欢迎辞。\n\n"
            "李强在回答记者提问时说，中国经济将继续增长。\n")
    assert body(text) == ["narrator", "narrator", "narrator", "Li Qiang"]


def test_any_heading_style_that_gives_one_name_over_a_speech():
    # styles not written into the rules (a third harness of odd UN speeches was built after them): the one
    # name the heading gives, once its state, the debate, the session and the post are set aside
    assert set(body("Somalia's President Hassan Sheikh Mohamud at UNGA 68\n\n" + SOM)) == {"Hassan Sheikh Mohamud"}
    assert set(body("Hassan Sheikh Mohamud | President | Somalia\n\n" + SOM)) == {"Hassan Sheikh Mohamud"}
    assert set(body("Hassan Sheikh Mohamud\nSomalia\n2013\n\n" + SOM)) == {"Hassan Sheikh Mohamud"}
    assert set(body("Intervention of Hassan Sheikh Mohamud, Minister of Foreign Affairs, General Debate\n\n" + SOM)) \
        == {"Hassan Sheikh Mohamud"}
    # a state after "Address of" is no speaker
    assert set(body("Address of Bolivarian Republic of Venezuela — Hassan Sheikh Mohamud\n\n" + SOM)) == \
        {"Hassan Sheikh Mohamud"}


def test_a_heading_with_one_name_over_a_report_is_no_speech():
    # the report quotes the person's "we"; its own voice is the third person: not a speech by the name, in
    # the established "Name, post" form too (it was, before)
    report = ("Hassan Sheikh Mohamud, President of Somalia\n\n"
              "The President of Somalia told the General Assembly on Tuesday that “we will rebuild our country”. "
              "He asked donors for support.\n")
    assert body(report) == ["narrator", "narrator"]
    readout = ("Readout of President Biden’s Meeting with President Hassan Sheikh Mohamud of Somalia\n\n"
               "We discussed security. The leaders agreed to meet again.\n")
    assert body(readout) == ["narrator", "both sides"]
    # a cold review's headlines and section titles over third-person text: no author
    for head in ("President Biden Delivers Remarks on the Economy | The White House",
                 "Ukraine war live updates | President Zelensky in Washington", "Obituary | Queen Elizabeth II",
                 "Prime Minister Modi Addresses Nation on Independence Day", "Joe Biden - President - Wikipedia"):
        assert set(body(head + "\n\nThe visit comes as lawmakers remain divided. Talks continued overnight.\n")) \
            == {"narrator"}, head


def test_an_office_with_its_department_before_the_name():
    # "Secretary of State" before the name: the department is part of the office, not where the name ends
    for head, who in (("Remarks by Secretary of State Antony J. Blinken", "Antony Blinken"),
                      ("Remarks by Minister of Foreign Affairs Penny Wong at the National Press Club", "Penny Wong")):
        assert set(body(head + "\n\nThank you. We are here today to talk about our region.\n")) == {who}, head


def test_a_narrated_next_speech_is_its_speakers_own():
    # a speech another gives next, or one narrated with its title before the name: not recalled by the speaker
    text = ("# 王毅出席会议\n\n王毅表示，中方愿同各方一道维护多边主义。联合国秘书长古特雷斯随后发表主旨演讲，呼吁各方加强团结。\n\n"
            "王毅表示，中方支持联合国。俄罗斯总统普京发表视频讲话，强调俄方愿同中方加强协作。\n")
    assert body(text) == ["Wang Yi", "Antonio Guterres", "Wang Yi", "Vladimir Putin"]


def test_a_bodys_message_ends_at_the_narration_after_it():
    text = ("# 中共中央 国务院致北京第13届冬残奥会中国体育代表团的贺电\n\n"
            "**央视网消息**（新闻联播）：中共中央、国务院3月13日向北京第13届冬残奥会中国体育代表团致贺电。\n\n"
            "在北京第13届冬残奥会上，中国体育代表团奋勇争先。党中央、国务院向你们表示热烈的祝贺！\n\n"
            "贺电全文另发。\n\n当天下午，代表团回到北京。在首都机场，欢迎人群打出横幅：感谢你们为国争光！\n\n"
            "记者随后采访了运动员张梦秋。您觉得这次比赛最大的收获是什么？\n")
    assert body(text) == ["narrator"] + ["中共中央、国务院"] * 2 + ["narrator"] * 5


def test_proposals_to_both_sides_go_on_with_the_leaders_points():
    # items.jsonl odd line 3273: Xi's "双方要……" paragraphs are his, not both sides'
    text = ("# 习近平同印尼总统会谈\n\n习近平指出，中方愿同印尼加强合作。\n\n"
            "双方要加强发展战略对接，坚决反对单边主义和保护主义。\n\n"
            "会场上，我们的记者注意到，许多外国企业家认真聆听。\n")
    assert body(text) == ["Xi Jinping", "Xi Jinping", "narrator"]


def test_a_spouse_named_after_the_title_and_capitals_are_no_people():
    text = ("# 彭丽媛会见\n\n国家主席习近平夫人彭丽媛会见法国总统马克龙夫人布丽吉特。\n\n"
            "马克龙夫人布丽吉特表示，很高兴再次来到中国。\n\n多哈表示，将继续斡旋。\n")
    assert body(text) == ["narrator", "布丽吉特", "narrator"]


def test_a_place_before_a_date_must_be_capitalised_to_be_front_matter():
    from analysis.ingest.front import is_front_matter
    assert is_front_matter("New York, 25 September 2014") and is_front_matter("2014")
    assert not is_front_matter("until further notice, 25 September 2014")


def test_a_past_act_of_others_recalled_at_a_sentences_start():
    # the day file 20241205 (../shared days/): Han Zheng recalls to his guest what the two presidents did; a
    # duration inside the sentence ("新中国成立75年来") is no recall
    text = ("# 韩正会见委内瑞拉副总统\n\n**央视网消息**（新闻联播）：国家副主席韩正5日在北京会见委内瑞拉副总统罗德里格斯。\n\n"
            "韩正表示，中国和委内瑞拉是相互信任的好朋友。去年9月，习近平主席和马杜罗总统共同宣布将中委关系提升为全天候战略伙伴关系。\n\n"
            "王毅说，习近平主席出席峰会期间举行密集双边会见。习近平主席积极宣介新中国成立75年来发生的翻天覆地变化，强调中国将坚定不移推进高水平对外开放。\n")
    assert body(text) == ["narrator", "Han Zheng", "Han Zheng", "Wang Yi", "Xi Jinping"]


def test_an_article_a_magazine_publishes_speaks_for_its_author():
    # items.jsonl odd items (《求是》, twice a month): "文章强调/指出" is the author's, and so are its points
    text = ("# 《求是》杂志发表习近平总书记重要文章\n\n"
            "**央视网消息**（新闻联播）：7月16日出版的第14期《求是》杂志发表中共中央总书记、国家主席、中央军委主席习近平的重要文章"
            "《进一步全面深化改革》。\n\n文章强调，全会通过的《决定》，总结运用改革开放以来的宝贵经验。\n\n"
            "文章指出，要切实抓好《决定》部署的贯彻落实。\n\n第一，加强组织领导。\n")
    assert body(text) == ["narrator"] + ["Xi Jinping"] * 3


def test_points_numbered_with_yao_and_proposals_to_both_sides_go_on():
    text = ("# 习近平出席峰会\n\n习近平指出，中方愿同各方一道努力。\n\n一要坚守彼此信赖、相互支持的团结初心。\n\n"
            "双方要警惕和反对任何把亚太搞乱的企图，加强国际事务协调。\n")
    assert body(text) == ["Xi Jinping"] * 3


def test_a_guest_recounting_what_they_did_goes_on_speaking():
    # a day file built from even items of 2022-11-16 (the eighth set, printed, now development)
    text = ("# 习近平会见阿根廷总统\n\n国家主席习近平在巴厘岛会见阿根廷总统费尔南德斯。\n\n"
            "费尔南德斯表示，我想当面再次祝贺习近平主席。今年2月我赴北京出席冬奥会开幕式期间同你成功会晤，取得丰硕成果。"
            "阿方愿同中方推进经贸合作。\n")
    assert body(text) == ["narrator"] + ["费尔南德斯"] * 3


def test_indian_honorifics_and_an_ordinal_session_in_a_heading():
    sp = ("Colombia endorses the innovative proposal of our partners. We need much stricter controls.\n")
    assert set(body("Ernesto Samper Pizano, President of the Republic of Colombia - Fifty-first session of the United "
                    "Nations General Assembly (1996)\n\n" + sp)) == {"Ernesto Samper Pizano"}
    assert set(body("Statement by Shri Atal Behari Vajpayee, Prime Minister of India, at the General Debate\n\n" + sp)) \
        == {"Atal Behari Vajpayee"}


def test_a_topic_the_answer_takes_up_is_no_speech_and_hyphenated_names():
    # MFA answers (odd rows): "关于你提到美方称……" names the topic; the spokesperson speaks
    text = ("# 2019年5月外交部发言人华春莹主持例行记者会\n\n问：美方称中方行动不够快。你对此有何评论？\n\n"
            "答：关于你提到美方称中方行动不够快，中方在中美经贸磋商问题上的态度是一贯的。现在球在美国一方。\n")
    assert body(text) == ["narrator", "narrator", "Hua Chunying", "Hua Chunying"]
    cuba = ("# 习近平同古巴领导人互致贺电\n\n国家主席习近平同古巴领导人互致贺电。\n\n"
            "迪亚斯-卡内尔同古巴革命领导人劳尔大将联名致贺电表示，60多年来，古中关系经历时间考验持续发展。"
            "古方坚定恪守一个中国原则。\n")
    assert body(cuba) == ["narrator", "迪亚斯-卡内尔", "迪亚斯-卡内尔"]


def test_a_pdf_heading_of_many_short_lines_and_commonwealth_honorifics():
    # headings a UN PDF and a mission's page print (read on the ninth set once it was printed twice)
    pdf = ("UNITED NATIONS\nGENERAL ASSEMBLY\nSeventy-first session\nGeneral debate\n\nSOMALIA\n\n"
           "H.E. Mr. Hassan Sheikh Mohamud\nPresident of the Republic\n\nCheck against delivery\n\n" + SOM)
    got = rows(pdf)
    assert {s for sec, s in got if sec == "body"} == {"Hassan Sheikh Mohamud"}
    assert [sec for sec, _ in got][:9] == ["front_matter"] * 8 + ["body"]
    uk = ("UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND\nStatement by the Right Honourable Gordon Brown MP, "
          "Prime Minister\nGeneral Debate of the Sixty-fourth Session of the United Nations General Assembly\n"
          "New York, September 2009\n\nAnd if, in Afghanistan, we give way to the terrorists, we will all be less safe.\n")
    assert set(body(uk)) == {"Gordon Brown"}
    bhs = ("New York, September 2007 -- General Assembly, 62nd session, general debate\n"
           "Address by the Honourable Brent Symonette on behalf of the Commonwealth of The Bahamas\n\n"
           "At a time when the international community is engaged in serious reflections, we remember.\n")
    assert rows(bhs) == [("front_matter", "narrator")] * 2 + [("body", "Brent Symonette")]


def test_a_wrapped_first_line_about_the_session_is_the_speech():
    # "fifty-third session of the General Assembly provides us" is a wrapped line of the speech, not front matter
    text = ("# Pierre Buyoya\n\n## President, Burundi\n\nThe\nfifty-third session of the General Assembly provides us\n"
            "with an opportunity to review our work. We thank you.\n")
    assert rows(text, "t.md") == [("front_matter", "narrator")] * 2 + [("body", "Pierre Buyoya")] * 2


def test_recalled_acts_of_the_heads_of_state_and_names_inside_noun_phrases():
    # read on the ninth set once printed twice, checked on odd CCTV items
    text = ("# 李希会见南非客人\n\n中共中央政治局常委、中央纪委书记李希在北京会见南非客人基尔。\n\n李希表示，中方高度重视中南关系。两国元首宣布建立中南战略伙伴关系，擘画了双边关系发展蓝图。\n\n"
            "基尔表示，南方感谢中方支持。习近平主席提出的中非携手推进现代化十大伙伴行动令人鼓舞，期待同中方共同落实。\n\n"
            "习近平指出，中马是友好近邻。2023年，双方就共建中马命运共同体达成重要共识，两国关系进入新的历史发展阶段。\n\n"
            "易卜拉欣表示，建交50年来，马中两国始终相互尊重和信任。\n")
    # (a year opening a sentence is no recall: "2019年，马克龙总统访华时表示" is his, a cold review found)
    assert body(text) == ["narrator", "李希", "李希", "基尔", "基尔", "Xi Jinping", "both sides", "易卜拉欣"]
    # what the two leaders agreed stays their joint position, inside an answer too
    joint = ("# 外交部发言人耿爽答记者问\n\n问：中美经贸磋商有何进展？\n\n"
             "答：两国元首在会晤中同意，在平等和相互尊重的基础上重启经贸磋商。\n")
    assert body(joint)[-1] == "both sides"


def test_headings_in_capitals_and_a_speaker_field_and_el_haj():
    # read on the tenth set once printed twice
    caps = ("SPEECH OF HIS EXCELLENCY MR. HASSAN SHEIKH MOHAMUD, PRESIDENT OF THE FEDERAL REPUBLIC OF SOMALIA\n"
            "68TH SESSION OF THE UNITED NATIONS GENERAL ASSEMBLY\n\n" + SOM)
    assert set(body(caps)) == {"Hassan Sheikh Mohamud"}
    field = ("Somalia at the UN | 68th General Assembly\nSpeaker: Hassan Sheikh Mohamud (President)\nYear: 2013\n---\n\n"
             + SOM)
    assert set(body(field)) == {"Hassan Sheikh Mohamud"}
    haj = "Somalia: address by President El Haj Hassan Sheikh Mohamud to the 68th UN General Assembly (2013)\n\n" + SOM
    assert set(body(haj)) == {"Hassan Sheikh Mohamud"}


def test_an_article_sets_out_tasks_and_a_presiding_country_is_no_name():
    text = ("# 《求是》杂志发表习近平总书记重要文章\n\n**央视网消息**（新闻联播）：1月16日出版的第2期《求是》杂志发表中共中央总书记、"
            "国家主席、中央军委主席习近平的重要文章《在中央城市工作会议上的讲话》。\n\n"
            "文章部署了城市工作7个方面的重点任务。\n\n第一，着力优化现代化城市体系。\n")
    assert body(text) == ["narrator", "Xi Jinping", "Xi Jinping"]
    za = ("# 习近平同南非总统通电话\n\n国家主席习近平同南非总统拉马福萨通电话。\n\n"
          "拉马福萨表示，南非支持中方作为今年金砖主席国开展工作。\n")
    assert body(za) == ["narrator", "拉马福萨"]


def test_a_second_cold_reviews_counter_examples():
    r = ["Mr. President, I believe we must act together. We thank you.\n"]
    for head, who in (("REMARKS BY PRESIDENT BIDEN ON THE ECONOMY", "Joe Biden"),
                      ("ADDRESS BY HIS MAJESTY KING ABDULLAH II", "Abdullah II"),
                      ("REMARKS BY NATO SECRETARY GENERAL JENS STOLTENBERG", "Jens Stoltenberg"),
                      ("Statement by He Lifeng", "He Lifeng")):
        assert set(body(head + "\n\n" + r[0])) == {who}, head
    assert set(body("SPEAKER: MR. PRESIDENT, THANK YOU\n\n" + r[0])) == {"narrator"}
    zh = ("# 王毅会见\n\n王毅表示，中方愿同法方加强合作。2019年，马克龙总统访华时表示，法方愿深化对华合作。\n\n"
          "李强表示，中方愿同德方深化合作。随后，李强同我驻德国使馆工作人员举行座谈。\n\n"
          "洛伦索和拉马福萨表示，非洲国家应加强团结。\n\n"
          "习近平同乌拉圭总统奥尔西举行会谈。习近平指出，中方愿同乌方深化合作。两国元首宣布将中乌关系提升为全面战略伙伴关系。\n")
    assert body(zh) == ["Wang Yi", "Emmanuel Macron", "Li Qiang", "narrator", "narrator", "narrator", "Xi Jinping",
                        "both sides"]


def test_a_time_clause_before_the_speaker_and_acts_recalled_to_the_guest():
    # read on the eleventh set once printed twice, checked on odd CCTV items
    text = ("# 赵乐际会见多米尼克总理\n\n全国人大常委会委员长赵乐际在北京会见多米尼克总理斯凯里特。\n\n"
            "会见斯凯里特时赵乐际表示，中多是志同道合的好朋友、好伙伴。\n\n"
            "李克强表示，中方愿同柬方深化合作。习近平主席2016年成功访问柬埔寨，为两国友好再续新的篇章。"
            "习近平主席同你友好会见，有力推动两国关系发展。\n\n与会嘉宾表示，这是中国为世界贡献的又一重要公共产品。\n")
    assert body(text) == ["narrator", "Zhao Leji", "Li Keqiang", "Li Keqiang", "Li Keqiang", "narrator"]


def test_guests_at_a_conference_are_a_crowd_not_the_conference():
    # read on the eleventh set once printed twice (CCTV 2026-07-18), checked on odd CCTV items: guests at a
    # conference a leader opened are a crowd (narrator), never the conference's own voice
    text = ("# 讲话引发热烈反响\n\n习近平主席在上海出席2026世界人工智能大会暨人工智能全球治理高级别会议开幕式并发表主旨讲话。\n\n"
            "与会嘉宾表示，中国对推动全球人工智能治理作出重要贡献。\n")
    assert body(text) == ["narrator", "narrator"]


BGD = ("I have the honour to\nmake the following statement on behalf of His Excellency\nMr. A. S. M. Mostafizur Rahman, "
       "the Foreign Minister of\nBangladesh, who, though present in New York, is unable\nto attend this Assembly for "
       "reasons of health.\n\u201cI warmly congratulate Mr. Diogo Freitas do\nAmaral on his unanimous election as "
       "President of\nthis historic fiftieth anniversary session. His election is a tribute to his great country, "
       "Portugal.\n")


def test_a_statement_read_on_behalf_of_another_is_theirs():
    # ungdc BGD 1995 (the ninth set once printed twice): a delegate reads the Foreign Minister's statement;
    # what follows the announcement is the minister's (the annotators of two sets read it so), the
    # announcement the reader's; a group or a government named is no one else's statement
    assert body(BGD, "bgd_speech") == ["narrator"] + ["A. S. M. Mostafizur Rahman"] * 2
    assert body(BGD, "BGD_50_1995") == ["Rahman"] + ["A. S. M. Mostafizur Rahman"] * 2
    g77 = BGD.replace("His Excellency\nMr. A. S. M. Mostafizur Rahman, the Foreign Minister of\nBangladesh",
                      "the Group of 77 and China")
    assert set(body(g77, "BGD_50_1995")) == {"Rahman"}


def test_two_guests_as_one_subject_are_the_first_named_and_high_praise_is_speech():
    # read on the eleventh set once printed twice (CCTV 2024-03-25 day file); the annotators give two
    # speakers of one subject to the first named, as Tenor gives two registered names
    text = ("# 韩正会见外国企业负责人\n\n国家副主席韩正在北京分别会见美国黑石集团董事长兼首席执行官伍德伦和英国阿斯利康公司首席执行官"
            "苏博科。\n\n伍德伦和苏博科高度评价中国经济社会发展取得的成就，对中国未来发展充满信心。\n")
    assert body(text) == ["narrator", "伍德伦"]


def rows_sides(text):
    return [(r["speaker"], r["side"]) for r in document_statements(text, "t", Meta()) if r["section"] == "body"]


def test_an_act_leading_into_words_and_the_other_side_after_a_chinese_speaker():
    # read on the twelfth and thirteenth sets once printed twice, checked on odd CCTV items: "X会见Y，表示……"
    # is X's words; "缅方表示……" after Xi's words in a readout is the Myanmar side's, not Xi's content
    text = ("# 习近平会见缅甸领导人\n\n习近平主席同缅甸领导人敏昂莱举行会晤时，表示愿继续提供帮助，支持缅人民重建家园。"
            "缅方表示致力于推进两国合作。\n\n李强会见蒙古国总理，表示中方愿同蒙方加强合作。\n\n"
            "美方应以实际行动落实朝美领导人会晤共识，回应朝方在发展和安全上的合理关切。\n")
    assert [s for s, _ in rows_sides(text)] == ["Xi Jinping", "缅方", "Li Qiang", "narrator"]


def test_a_foreign_leaders_side_is_read_from_the_titles_next_to_the_name():
    # odd CCTV items 2025-08-31 and 2024-10-11: a clause before the titles ("……纪念中国人民抗日战争……活动的",
    # "国务院总理李强……会见") named China; the Armenian Prime Minister and the European Council's President
    # were counted on China's side
    text = ("# 习近平会见亚美尼亚总理\n\n国家主席习近平在天津迎宾馆会见来华出席纪念中国人民抗日战争暨世界反法西斯战争胜利80周年活动的"
            "亚美尼亚总理帕什尼扬。\n\n帕什尼扬表示，亚方希望向中国学习。\n")
    assert rows_sides(text)[-1] == ("帕什尼扬", "other")
    text = ("# 李强会见欧洲理事会主席\n\n国务院总理李强在万象出席东亚合作领导人系列会议期间会见欧洲理事会主席米歇尔。\n\n"
            "米歇尔表示，欧盟坚持战略自主。\n")
    assert rows_sides(text)[-1] == ("米歇尔", "other")


def test_headed_points_of_a_speech_are_no_labels_and_go_on_with_it():
    # the thirteenth set once printed twice (CCTV 2025-03-23): "第一个视角：……" paragraphs were read as a
    # transcript of speakers called 第一个视角, 第二个视角 ...; they are Li Qiang's numbered points
    text = ("# 李强出席开幕式并发表主旨演讲\n\n国务院总理李强23日在京出席中国发展高层论坛2025年年会开幕式并发表主旨演讲。\n\n"
            "李强表示，大家都非常关心中国经济发展情况。这里我想从三个视角，跟大家交流。\n\n"
            "第一个视角：从“春节经济”来看中国的发展活力。今年春节前后，中国经济涌现出一批现象级亮点。\n\n"
            "第二个视角：从全国两会来读中国的经济政策。我们将注重加大政策力度。\n\n吴政隆参加开幕式。\n")
    assert body(text) == ["narrator"] + ["Li Qiang"] * 6 + ["narrator"]


def test_a_name_after_tong_is_whom_the_subject_acts_with():
    # odd CCTV item 2024-01-24 (Xi and the Uzbek President): "我……很高兴同习近平主席共同宣布" in the guest's
    # paragraph is the guest's; 习近平 after 同 is not the subject of 宣布
    text = ("# 会谈\n\n国家主席习近平同乌兹别克斯坦总统米尔济约耶夫举行会谈。\n\n米尔济约耶夫表示，我今年首次出访选择中国。"
            "我完全赞同习近平主席对进一步发展两国关系的意见，很高兴同习近平主席共同宣布。\n")
    assert body(text) == ["narrator", "米尔济约耶夫", "米尔济约耶夫"]
