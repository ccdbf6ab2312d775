export type Speaker = 'agent' | 'customer' | 'unknown';

/** Which side of a stereo recording holds the agent; 'mono' means one channel with everyone. */
export type ChannelLayout = 'mono' | 'agent-left' | 'agent-right';
