divert(-1)
#
# Copyright (c) 1999 Proofpoint, Inc. and its suppliers.
#	All rights reserved.
#
# By using this file, you agree to the terms and conditions set
# forth in the LICENSE file which can be found at the top level of
# the sendmail distribution.
#
#

divert(0)
VERSIONID(`$Id: virtuser_entire_domain.m4,v 8.3 2013-11-22 20:51:11 ca Exp $')
divert(-1)

define(`_VIRTUSER_ENTIRE_DOMAIN_', 1)
