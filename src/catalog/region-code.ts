/** An AWS region code as nuage accepts it (`eu-west-3`, `us-gov-west-1`, `ap-southeast-5`). */
const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export function isRegionCode(v: string): boolean {
  return REGION_CODE.test(v);
}
