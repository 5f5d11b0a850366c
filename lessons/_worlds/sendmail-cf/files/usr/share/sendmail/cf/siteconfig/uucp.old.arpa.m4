SITE(endotsew)
SITE(fateman)
SITE(interlan)
SITE(metron)
