import { PageQueryDto } from '../org-dto.js';

/** Query of `GET /teams`: paging only; teams are few. */
export class TeamListQueryDto extends PageQueryDto {}
