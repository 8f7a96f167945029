export declare const DEMO_TOTP_SECRET: string
export declare const STEP_SECONDS: number
export declare function base32Decode(text: string): Buffer
export declare function totp(secret: string, step: number): string
