divert(-1)
#
# Copyright (c) 2006 Proofpoint, Inc. and its suppliers.
#	All rights reserved.
#
# By using this file, you agree to the terms and conditions set
# forth in the LICENSE file which can be found at the top level of
# the sendmail distribution.
#
#

divert(0)dnl
VERSIONID(`$Id: require_rdns.m4,v 1.2 2013-11-22 20:51:11 ca Exp $')
divert(-1)

define(`_REQUIRE_RDNS_', `')
