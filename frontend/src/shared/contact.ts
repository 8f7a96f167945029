/**
 * What applying shares, said on the youth terminal's apply step before anything is sent; the request then
 * carries contactShared=true (the backend refuses an application without it).
 */
export const APPLY_CONTACT_NOTICE = '投递后，该见习基地可查看你的手机号码用于联系面试。'
