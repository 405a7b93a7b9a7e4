/** The inbox as the dashboard receives it (JSON: instants as ISO strings). */

export interface InboxConversation {
  patientId: string;
  fullName: string | null;
  phone: string | null;
  lastBody: string;
  lastDirection: "inbound" | "outbound";
  lastMediaCount: number;
  lastAt: string;
  unread: number;
  optedOutAt: string | null;
}

export interface InboxSnapshot {
  conversations: InboxConversation[];
  unread: number;
}

export interface InboxMessage {
  id: string;
  direction: "inbound" | "outbound";
  body: string;
  keyword: "STOP" | "START" | "HELP" | null;
  mediaCount: number;
  status: string;
  errorCode: number | null;
  errorMessage: string | null;
  createdAt: string;
  readAt: string | null;
  sentBy: string | null;
  followUpKind: string | null;
  callId: string | null;
  bookingId: string | null;
  bookingStartsAt: string | null;
  bookingStatus: string | null;
}

export interface InboxThread {
  patient: {
    id: string;
    fullName: string | null;
    phone: string | null;
    email: string | null;
    smsConsent: boolean;
    optedOutAt: string | null;
  };
  messages: InboxMessage[];
}
