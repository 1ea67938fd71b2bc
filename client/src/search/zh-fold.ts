// Folds text for search: NFKC (full-width digits, brackets), lower case, and Traditional→Simplified for the
// characters common in rectification reports, so "问题" finds "問題". Applied to query AND text alike, so an
// imperfect table can only widen a match, never hide one. Not a converter: display always keeps the original.

// Pairs "TS" of Traditional and Simplified characters (a few Simplified characters have two Traditional forms).
const PAIRS = `
業业 進进 項项 實实 開开 發发 題题 動动 區区 強强 問问 關关 黨党 務务 專专 設设 組组 會会 資资 導导 學学 點点 機机
規规 級级 辦办 個个 監监 單单 對对 產产 時时 視视 場场 質质 體体 責责 織织 蘇苏 創创 優优 議议 臺台 檯台 車车 調调
評评 協协 員员 過过 處处 劃划 範范 嚴严 國国 構构 現现 塊块 養养 況况 頭头 環环 總总 與与 鎮镇 長长 層层 聯联 經经
門门 結结 職职 習习 準准 執执 兩两 訓训 術术 內内 將将 運运 認认 態态 檢检 類类 數数 據据 間间 舉举 審审 積积 備备
驗验 節节 隱隐 護护 從从 復复 複复 見见 農农 師师 費费 論论 緊紧 廠厂 預预 識识 傳传 應应 斷断 極极 選选 紀纪 電电
補补 團团 隊队 醫医 轉转 記记 綠绿 邊边 營营 訴诉 饋馈 濟济 掛挂 編编 訪访 糾纠 眾众 綜综 鏈链 際际 講讲 簽签 勵励
華华 熱热 畝亩 壓压 針针 牽牵 違违 險险 龍龙 億亿 稅税 維维 聽听 達达 蹤踪 條条 錄录 訂订 義义 來来 東东 輔辅 閉闭
鄉乡 堅坚 圍围 測测 樓楼 試试 閑闲 閒闲 價价 聲声 療疗 參参 盡尽 銷销 獎奖 夠够 課课 穩稳 網网 證证 戶户 橋桥 無无
獨独 雙双 貫贯 徹彻 著着 礎础 帶带 繞绕 請请 難难 許许 種种 賽赛 擬拟 滿满 討讨 廣广 氣气 啟启 潛潜 擴扩 勢势 廢废
溝沟 屬属 張张 戰战 擔担 籌筹 賬账 帳帐 號号 繳缴 錯错 薦荐 觀观 臨临 興兴 爭争 擊击 紡纺 篩筛 診诊 權权 擁拥 幫帮
崗岗 頻频 談谈 讓让 舊旧 稱称 輕轻 圖图 詢询 財财 額额 榮荣 輪轮 樹树 讀读 礦矿 藥药 碼码 鐵铁 連连 倉仓 縣县 屆届
繼继 鋼钢 樁桩 適适 蓋盖 損损 傾倾 輸输 暫暂 詳详 潔洁 敗败 衛卫 緩缓 災灾 鐘钟 鍾钟 遷迁 購购 終终 肅肃 當当 閱阅
譽誉 檔档 擇择 陽阳 遊游 賦赋 淨净 凈净 載载 軍军 藝艺 換换 滾滚 競竞 鍵键 艙舱 壇坛 顧顾 貼贴 餘余 僑侨 縱纵 館馆
簡简 隨随 願愿 異异 歸归 噸吨 廚厨 賃赁 樞枢 給给 側侧 輛辆 彈弹 鞏巩 債债 遞递 煉炼 鍊炼 奮奋 絡络 莊庄 陣阵 罰罚
懾慑 黃黄 漢汉 寶宝 疊叠 愛爱 諾诺 萬万 灣湾 夢梦 羅罗 騰腾 盤盘 紓纾 歷历 曆历 搶抢 亂乱 厲厉 憂忧 勞劳 廳厅 贏赢
禮礼 懲惩 鄰邻 變变 礙碍 顯显 駐驻 畢毕 訟讼 輿舆 貴贵 誠诚 剛刚 暢畅 為为 話话 說说 這这 們们 還还 後后 麼么 裡里
裏里 於于 並并 製制 係系 繫系 週周 雲云 衝冲 徵征 幹干 乾干 匯汇 彙汇 鬥斗 樣样 圓圆 園园 計计 貸贷 貿贸 賣卖 買买
寫写 寬宽 寧宁 懷怀 攝摄 書书 樂乐 標标 歡欢 決决 沒没 減减 濕湿 滅灭 燈灯 爾尔 牆墙 狀状 獲获 畫画 確确 離离 窮穷
筆笔 糧粮 紅红 納纳 紙纸 細细 統统 絕绝 綱纲 線线 練练 縮缩 績绩 續续 聞闻 腦脑 艱艰 蘭兰 裝装 覺觉 詞词 該该 語语
誤误 諮咨 謀谋 讚赞 贊赞 貨货 賴赖 趕赶 趨趋 跡迹 蹟迹 較较 輯辑 遠远 遺遗 郵邮 釋释 鑒鉴 鑑鉴 陸陆 陰阴 雖虽 雜杂
靜静 順顺 須须 領领 顏颜 風风 飛飞 飯饭 齊齐 佈布 備备 傷伤 兒儿 冊册 別别 則则 劑剂 勁劲 勝胜 壞坏 壯壮 婦妇 歲岁
幣币 憑凭 懸悬 擋挡 敵敌 斂敛 棄弃 槍枪 櫃柜 殘残 毀毁 滯滞 漲涨 潤润 煙烟 犧牲 獻献 瑣琐 癥症 盜盗 禍祸 窩窝 築筑
紛纷 緒绪 緣缘 脅胁 腳脚 臉脸 艦舰 葉叶 蟲虫 親亲 訊讯 誌志 謝谢 譜谱 豐丰 貧贫 軟软 辭辞 醬酱 鉤钩 銀银 鎖锁 鏡镜
閃闪 閥阀 階阶 雞鸡 響响 頁页 頂顶 頒颁 頓顿 飲饮 駕驾 騙骗 鬧闹 魚鱼 麥麦 齡龄 滬沪 漁渔 鹽盐 濱滨 灘滩 橫横 廈厦
欄栏 燒烧 覽览 鬱郁 幾几 擾扰 攤摊 勸劝 喬乔 濃浓 鳥鸟 館馆 賦赋 揮挥 負负 額额 純纯 紹绍 約约 紮扎 倫伦 屬属 彌弥
`;

const TABLE = new Map<string, string>();
for (const pair of PAIRS.split(/\s+/)) {
  const chars = [...pair];
  if (chars.length === 2) TABLE.set(chars[0]!, chars[1]!);
}

/** Text as the search compares it. Length may change (NFKC), so never use fold() output for display offsets. */
export function fold(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFKC").toLowerCase()) out += TABLE.get(ch) ?? ch;
  return out;
}
