import type { Speaker, TranscriptSegment, TranscriptWord } from '@callgrade/scoring';
import { seededRandom } from '../../libs/scoring/test/transcript.builders';

/** About 240 characters a minute: a five-minute call is some 1,200 characters. */
const CHARACTER_MS = 250;
const PAUSE_MS = 300;
const CALL_CHARACTERS = 1_200;
/** Punctuation and spaces: written, not spoken, so neither timed nor counted. */
const NOT_SPOKEN = /[，。？！、\s]/g;
const spoken = (text: string) => text.replace(NOT_SPOKEN, '');

const SMALL_TALK = [
  '我想查一下我的订单',
  '上周就应该到了',
  '但是一直没有收到',
  '请您提供一下订单号',
  '好的请稍等',
  '我帮您查询一下',
  '包裹周一已经从仓库发出',
  '快递员周三下午来过一次',
  '当时家里没有人',
  '门口也没有看到通知单',
  '我可以帮您重新安排配送',
  '周五上午方便吗',
  '可以的没问题',
  '退款会在五个工作日内到账',
  '发票已经发到您的邮箱了',
  '我家的网络每天晚上八点左右就会断',
  '路由器的灯一直是红色的',
  '我们的工程师明天上午会来维修',
  '修好以后您会收到一条短信',
  '麻烦您再确认一下地址',
  '您的姓名怎么写',
  '账户上的手机号码还是原来的吗',
];

/**
 * A recogniser's words for Mandarin text: runs of one to three characters, punctuation dropped,
 * spread evenly from `startMs` (as whisper gives them, roughly).
 */
function mandarinWords(text: string, startMs: number, random: () => number): TranscriptWord[] {
  const characters = [...spoken(text)];
  const words: TranscriptWord[] = [];
  for (let i = 0; i < characters.length;) {
    const length = Math.min(characters.length - i, 1 + Math.floor(random() * 3));
    words.push({
      text: characters.slice(i, i + length).join(''),
      startMs: startMs + i * CHARACTER_MS,
      endMs: startMs + (i + length) * CHARACTER_MS,
      confidence: 0.9,
    });
    i += length;
  }
  return words;
}

/**
 * A five-minute Mandarin call of about 1,200 characters, the counterpart of `aFiveMinuteCall`: a
 * scripted greeting by 小王 of 北风公司, small talk from both sides, and a scripted closing.
 */
export function aFiveMinuteMandarinCall(seed: number): TranscriptSegment[] {
  const random = seededRandom(seed);
  const turns: [Speaker, string][] = [['agent', '您好，这里是北风公司，我是小王，请问有什么可以帮您？']];
  let characters = spoken(turns[0][1]).length;
  let speaker: Speaker = 'customer';
  while (characters < CALL_CHARACTERS - 30) {
    const phrases = Array.from({ length: 1 + Math.floor(random() * 3) }, () => SMALL_TALK[Math.floor(random() * SMALL_TALK.length)]);
    if (speaker === 'agent' && random() < 0.2) phrases.push('谢谢您');
    const text = `${phrases.join('，')}。`;
    turns.push([speaker, text]);
    characters += spoken(text).length;
    speaker = speaker === 'agent' ? 'customer' : 'agent';
  }
  turns.push(['agent', '请问还有其他可以帮您的吗？感谢您致电北风公司，祝您生活愉快。']);

  const segments: TranscriptSegment[] = [];
  let at = 0;
  for (const [who, text] of turns) {
    const words = mandarinWords(text, at, random);
    const endMs = words[words.length - 1]?.endMs ?? at;
    segments.push({ speaker: who, startMs: at, endMs, text, confidence: 0.9, words });
    at = endMs + PAUSE_MS;
  }
  return segments;
}
